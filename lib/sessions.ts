import crypto from "node:crypto";
import type { JWT } from "next-auth/jwt";
import { recordAudit } from "./audit";
import { db } from "./db";
import type { TSignInMethod } from "./identity/sign-in";
import { forgetEndedSession } from "./session-token";

// Sessions are JWTs in a cookie (lib/auth.ts): nothing on the server holds them, so signing out
// only deletes the browser's copy. To end the session itself, each token carries an id (`sid`,
// set at sign-in) and signing out records that id as ended; lib/authz.ts refuses an ended id
// on every request, so a copy of the cookie stops working while the user's other sessions
// (other ids) go on.

export const newSessionId = () => crypto.randomBytes(16).toString("base64url");

/** A sign-in that went through, audited with its method (a password, or the OIDC provider). */
export async function recordSignIn({
  user,
  method,
}: {
  user: { id: string; orgId: string; email: string };
  method: TSignInMethod | "oidc";
}) {
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit({
    orgId: user.orgId,
    actor: { kind: "user", userId: user.id, label: user.email },
    action: "auth.sign_in",
    targetType: "user",
    targetId: user.id,
    data: { method },
  });
}

/** next-auth's signOut event: ends the session of the token that signed out. */
export async function endSession({ token }: { token: JWT | null }) {
  const sid = typeof token?.sid === "string" ? token.sid : null;
  const uid = typeof token?.uid === "string" ? token.uid : null;
  if (!sid || !uid || typeof token?.exp !== "number") return;
  const expiresAt = new Date(token.exp * 1000);
  forgetEndedSession(sid, expiresAt.getTime());
  await db.endedSession.upsert({
    where: { id: sid },
    create: { id: sid, userId: uid, expiresAt },
    update: {},
  });
  const user = await db.user.findUnique({ where: { id: uid }, select: { orgId: true } });
  if (user) {
    await recordAudit({
      orgId: user.orgId,
      actor: { kind: "user", userId: uid },
      action: "auth.sign_out",
      targetType: "user",
      targetId: uid,
    });
  }
  // Rows are useless once their token has expired anyway.
  if (Math.random() < 0.05) {
    await db.endedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  }
}

/** Whether the session with this id was ended (signed out). */
export async function isSessionEnded({ sid }: { sid: string }): Promise<boolean> {
  return (await db.endedSession.count({ where: { id: sid } })) > 0;
}
