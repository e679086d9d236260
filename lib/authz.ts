import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getAuthSecret } from "./auth";
import { db } from "./db";
import { AuthzError } from "./errors";
import { isTwoFactorRequired } from "./identity/two-factor-rule";
import { can, type TPermission, type TRole } from "./permissions";
import { decodeSessionToken, readSessionCookie } from "./session-token";
import { isSessionEnded } from "./sessions";

export type TSessionUser = {
  id: string;
  orgId: string;
  /** The organisation's name, for the page frame (read with the user, one query). */
  orgName: string;
  role: TRole;
  name: string;
  email: string;
  /**
   * The organisation requires a second factor of this user, who has not set one up: until
   * they do, pages send them to /two-factor and actions refuse (lib/data/two-factor.ts).
   */
  twoFactorSetupDue: boolean;
};

/** Where a user whose organisation requires two-factor sign-in sets it up. */
export const TWO_FACTOR_SETUP_PATH = "/two-factor";

/**
 * The signed-in user, re-read from the database on every request: a deactivated user, one
 * whose sessions were reset (sessionVersion bumped), or a session that signed out (its copied
 * cookie, lib/sessions.ts) is signed out at the next request.
 * Sessions last 12 hours from sign-in (lib/auth.ts); using the app does not extend them.
 */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const jar = await cookies();
  const token = readSessionCookie((name) => jar.get(name)?.value);
  const session = await decodeSessionToken({ token, secret: getAuthSecret() }).catch(() => null);
  // A token without a session id cannot be ended by signing out: not accepted.
  if (typeof session?.uid !== "string" || typeof session.sid !== "string") return null;
  const [user, ended] = await Promise.all([
    findSessionUser(session.uid),
    isSessionEnded({ sid: session.sid }),
  ]);
  if (ended || !user?.active || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id,
    orgId: user.orgId,
    orgName: user.org.name,
    role: user.role,
    name: user.name,
    email: user.email,
    // Two-factor sign-in is for password accounts: a single sign-on session is not sent to enrol.
    twoFactorSetupDue:
      session.via !== "oidc" &&
      user.totpEnabledAt === null &&
      isTwoFactorRequired({ rule: user.org.twoFactorRequired, role: user.role }),
  };
});

function findSessionUser(id: string) {
  return db.user.findUnique({
    where: { id },
    select: {
      id: true,
      orgId: true,
      role: true,
      name: true,
      email: true,
      active: true,
      sessionVersion: true,
      totpEnabledAt: true,
      org: { select: { name: true, twoFactorRequired: true } },
    },
  });
}

/**
 * For pages and layouts: sign-in redirect when signed out, two-factor set-up when it is due,
 * 403 when the role may not.
 */
export async function requirePageUser({ permission }: { permission?: TPermission } = {}) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (user.twoFactorSetupDue) redirect(TWO_FACTOR_SETUP_PATH);
  if (permission && !can({ role: user.role, permission })) forbidden();
  return user;
}

// AuthzError lives in lib/errors.ts (which must load without next-auth: data functions and
// scripts import it); re-exported here where callers have always found it.
export { AuthzError };

/**
 * For Server Actions and route handlers: throws AuthzError (401/403). Only the two-factor
 * set-up itself (`duringTwoFactorSetup`) runs for a user whose set-up is due.
 */
export async function requireUser({
  permission,
  duringTwoFactorSetup = false,
}: {
  permission: TPermission;
  duringTwoFactorSetup?: boolean;
}) {
  const user = await getSessionUser();
  if (!user) throw new AuthzError(401, "Your session has ended. Sign in again.");
  if (user.twoFactorSetupDue && !duringTwoFactorSetup) {
    throw new AuthzError(403, "Set up two-factor sign-in first (your organisation requires it).");
  }
  if (!can({ role: user.role, permission })) {
    throw new AuthzError(403, "Your role does not allow this.");
  }
  return user;
}

/** Route handlers: run `fn` as an authorised user, or answer 401/403/404 as JSON. */
export async function withApiUser(
  permission: TPermission,
  fn: (user: TSessionUser) => Promise<Response>,
): Promise<Response> {
  try {
    return await fn(await requireUser({ permission }));
  } catch (e) {
    if (e instanceof AuthzError) return Response.json({ error: e.message }, { status: e.status });
    throw e;
  }
}
