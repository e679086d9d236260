import crypto from "node:crypto";
import { recordAudit } from "../audit";
import { findOrgByEmailDomain, getOrgSso } from "../data/org-sso";
import { db, isUniqueViolation, type Prisma } from "../db";
import { hashPassword } from "../passwords";
import type { TRole } from "../permissions";
import type { TGroupRole } from "../schemas/sso";
import { recordSignIn } from "../sessions";
import type { TOidcClaims } from "./oidc-config";
import type { TSsoRefusal } from "./sign-in-messages";

// Who a sign-in through the identity provider is. The provider vouches for an email address
// only when it says it verified it; an account is matched by that address alone. A new account
// is made only for a domain an organisation claimed; a deactivated one stays out whatever the
// provider says.

export type TOidcSignIn =
  | { ok: true; user: { id: string; sv: number } }
  | { ok: false; reason: TSsoRefusal };

const signedInSelect = {
  id: true,
  orgId: true,
  email: true,
  active: true,
  sessionVersion: true,
} satisfies Prisma.UserSelect;

/** The role of the first mapping (in the settings' order) naming one of the user's groups. */
export function roleForGroups({
  groups,
  mapping,
  defaultRole,
}: {
  groups: readonly string[];
  mapping: readonly TGroupRole[];
  defaultRole: TRole;
}): TRole {
  return mapping.find((m) => groups.includes(m.group))?.role ?? defaultRole;
}

const groupsOf = (claims: TOidcClaims): string[] =>
  Array.isArray(claims.groups)
    ? claims.groups.filter((g): g is string => typeof g === "string")
    : typeof claims.groups === "string"
      ? [claims.groups]
      : [];

async function refuse({
  email,
  reason,
  orgId,
  userId,
}: {
  email: string;
  reason: TSsoRefusal;
  orgId: string | null;
  userId?: string;
}): Promise<TOidcSignIn> {
  await recordAudit({
    orgId,
    actor: { kind: "system", label: email.slice(0, 200) || "(no email)" },
    action: "auth.sso_refused",
    targetType: userId ? "user" : undefined,
    targetId: userId,
    data: { reason, method: "oidc" },
  });
  return { ok: false, reason };
}

async function createSsoUser({
  orgId,
  email,
  claims,
}: {
  orgId: string;
  email: string;
  claims: TOidcClaims;
}) {
  const sso = await getOrgSso({ orgId });
  const role = roleForGroups({
    groups: groupsOf(claims),
    mapping: sso.groupRoles,
    defaultRole: sso.defaultRole,
  });
  const name =
    (typeof claims.name === "string" && claims.name.trim().slice(0, 120)) || email.split("@")[0]!;
  // No one knows this password: the account signs in through the provider (or is given a
  // password by an administrator later).
  const passwordHash = await hashPassword({
    password: crypto.randomBytes(32).toString("base64url"),
  });
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { orgId, email, name, role, passwordHash },
        select: signedInSelect,
      });
      await recordAudit({
        tx,
        orgId,
        actor: { kind: "system", label: "single sign-on" },
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        data: { email, role, method: "oidc", groups: groupsOf(claims).slice(0, 50) },
      });
      return user;
    });
  } catch (e) {
    // The same person's two first sign-ins at once: the other one made the account.
    if (isUniqueViolation(e))
      return db.user.findUnique({ where: { email }, select: signedInSelect });
    throw e;
  }
}

export async function signInWithOidc({ claims }: { claims: TOidcClaims }): Promise<TOidcSignIn> {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const verified = claims.email_verified === true || claims.email_verified === "true";
  if (!email.includes("@") || !verified)
    return refuse({ email, reason: "SsoUnverified", orgId: null });

  let user = await db.user.findUnique({ where: { email }, select: signedInSelect });
  if (!user) {
    const orgId = await findOrgByEmailDomain({ email });
    if (!orgId) return refuse({ email, reason: "SsoDomain", orgId: null });
    user = await createSsoUser({ orgId, email, claims });
    if (!user) return refuse({ email, reason: "SsoDomain", orgId });
  }
  if (!user.active)
    return refuse({ email, reason: "SsoDeactivated", orgId: user.orgId, userId: user.id });

  await recordSignIn({ user, method: "oidc" });
  return { ok: true, user: { id: user.id, sv: user.sessionVersion } };
}
