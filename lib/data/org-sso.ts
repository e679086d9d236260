import { recordAudit } from "../audit";
import { db, isUniqueViolation, type Prisma } from "../db";
import { getEnv } from "../env";
import { ConflictError } from "../errors";
import { isOidcConfigured } from "../identity/oidc-config";
import type { TRole } from "../permissions";
import { formatGroupRoles, type TGroupRole, type TSsoSettings } from "../schemas/sso";

// An organisation's single sign-on: the email domains it claims (new users of those domains
// join it at their first sign-in through the identity provider) and its SSO settings.

type TScope = { orgId: string; actorId: string };

export function listOrgDomains({ orgId }: { orgId: string }) {
  return db.orgDomain.findMany({
    where: { orgId },
    select: { domain: true, createdAt: true },
    orderBy: { domain: "asc" },
  });
}

export async function claimDomain({ orgId, actorId, domain }: TScope & { domain: string }) {
  try {
    await db.$transaction(async (tx) => {
      await tx.orgDomain.create({ data: { orgId, domain } });
      await recordAudit({
        tx,
        orgId,
        actor: { kind: "user", userId: actorId },
        action: "org.domain_claimed",
        targetType: "organization",
        targetId: orgId,
        data: { domain },
      });
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // The unique index is the one arbiter: a domain belongs to at most one organisation.
    const owner = await db.orgDomain.findUnique({ where: { domain }, select: { orgId: true } });
    throw new ConflictError(
      owner?.orgId === orgId
        ? "Your organisation has already claimed this domain"
        : "Another organisation has claimed this domain",
      { field: "domain" },
    );
  }
}

/** Releasing a domain the organisation does not hold changes nothing (and says nothing). */
export async function releaseDomain({ orgId, actorId, domain }: TScope & { domain: string }) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.orgDomain.deleteMany({ where: { orgId, domain } });
    if (count === 0) return;
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "org.domain_released",
      targetType: "organization",
      targetId: orgId,
      data: { domain },
    });
  });
}

const ssoSelect = {
  required: true,
  breakGlassUserIds: true,
  defaultRole: true,
  groupRoles: true,
} satisfies Prisma.OrgSsoSelect;

export type TOrgSso = {
  required: boolean;
  breakGlassUserIds: string[];
  defaultRole: TRole;
  groupRoles: TGroupRole[];
};

const NO_SSO: TOrgSso = {
  required: false,
  breakGlassUserIds: [],
  defaultRole: "procurement",
  groupRoles: [],
};

export async function getOrgSso({ orgId }: { orgId: string }): Promise<TOrgSso> {
  const row = await db.orgSso.findUnique({ where: { orgId }, select: ssoSelect });
  if (!row) return NO_SSO;
  return { ...row, groupRoles: (row.groupRoles ?? []) as TGroupRole[] };
}

/** The settings as the form shows them: emails and mapping lines as typed. */
export async function getSsoSettingsForm({ orgId }: { orgId: string }) {
  const sso = await getOrgSso({ orgId });
  const admins = await db.user.findMany({
    where: { orgId, id: { in: sso.breakGlassUserIds } },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return {
    required: sso.required,
    breakGlassEmails: admins.map((a) => a.email).join("\n"),
    defaultRole: sso.defaultRole,
    groupRoles: formatGroupRoles(sso.groupRoles),
  };
}

const BREAK_GLASS = "breakGlassEmails";

export async function updateSsoSettings({
  orgId,
  actorId,
  input,
}: TScope & { input: TSsoSettings }) {
  const emails = [...new Set(input.breakGlassEmails.map((e) => e.toLowerCase()))];
  const admins = await db.user.findMany({
    where: { orgId, email: { in: emails }, role: "admin", active: true },
    select: { id: true, email: true },
  });
  const unknown = emails.filter((e) => !admins.some((a) => a.email === e));
  if (unknown.length > 0) {
    throw new ConflictError(
      `Break-glass administrators must be active administrators of this organisation: ${unknown.join(", ")} is not`,
      { field: BREAK_GLASS },
    );
  }
  if (input.required && !isOidcConfigured(getEnv())) {
    throw new ConflictError(
      "Single sign-on cannot be required: no identity provider is configured on this server (OIDC_ISSUER)",
      { field: "required" },
    );
  }
  if (input.required && admins.length === 0) {
    throw new ConflictError(
      "Name at least one break-glass administrator: they can still sign in with a password if the identity provider is unavailable",
      { field: BREAK_GLASS },
    );
  }
  const after = {
    required: input.required,
    breakGlassUserIds: admins.map((a) => a.id),
    defaultRole: input.defaultRole,
    groupRoles: input.groupRoles,
  };
  await db.$transaction(async (tx) => {
    const before = await tx.orgSso.findUnique({ where: { orgId }, select: ssoSelect });
    await tx.orgSso.upsert({ where: { orgId }, create: { orgId, ...after }, update: after });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "org.sso_settings_changed",
      targetType: "organization",
      targetId: orgId,
      data: { from: before ?? NO_SSO, to: after },
    });
  });
}

/**
 * Whether the organisation's "single sign-on required" refuses this user a password sign-in:
 * everyone but its break-glass administrators (still administrators when they sign in).
 */
export async function isPasswordSignInRefused({
  user,
}: {
  user: { id: string; orgId: string; role: TRole };
}): Promise<boolean> {
  const sso = await getOrgSso({ orgId: user.orgId });
  if (!sso.required) return false;
  return !(user.role === "admin" && sso.breakGlassUserIds.includes(user.id));
}

/** The organisation that claimed this email address's domain, if any. */
export async function findOrgByEmailDomain({ email }: { email: string }) {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  const row = await db.orgDomain.findUnique({ where: { domain }, select: { orgId: true } });
  return row?.orgId ?? null;
}
