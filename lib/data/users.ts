import { recordAudit } from "../audit";
import { db, type Prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import type { TRole } from "../permissions";

export const userListSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  lastSignInAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

type TScope = { orgId: string; actorId: string };

export function listUsers({ orgId }: { orgId: string }) {
  return db.user.findMany({ where: { orgId }, select: userListSelect, orderBy: { name: "asc" } });
}

export class UserConflictError extends ConflictError {
  constructor(message: string) {
    super(message, { field: "email" });
  }
}

// Emails are unique across organisations, so an address may be taken by another organisation's
// user. Saying so would tell this organisation that the person has an account elsewhere; only
// a clash inside the caller's own organisation (whose users it sees anyway) is named.
const EMAIL_TAKEN_HERE = "A user with this email already exists";
const EMAIL_UNUSABLE = "This email address cannot be used. Choose another.";

export async function emailConflict({ orgId, email }: { orgId: string; email: string }) {
  const taken = await db.user.findUnique({ where: { email }, select: { orgId: true } });
  if (!taken) return null;
  return new UserConflictError(taken.orgId === orgId ? EMAIL_TAKEN_HERE : EMAIL_UNUSABLE);
}

async function findScoped({ orgId, userId }: { orgId: string; userId: string }) {
  // Another organisation's user is simply not found: never reveal it exists.
  const user = await db.user.findFirst({ where: { id: userId, orgId } });
  if (!user) throw new NotFoundError("User not found");
  return user;
}

export class SelfLockoutError extends ConflictError {}

export async function changeUserRole({
  orgId,
  actorId,
  userId,
  role,
}: TScope & { userId: string; role: TRole }) {
  const user = await findScoped({ orgId, userId });
  if (user.id === actorId && role !== "admin") {
    throw new SelfLockoutError("You cannot remove your own administrator role");
  }
  if (user.role === role) return user;
  return db.$transaction(async (tx) => {
    // A role change also ends the user's open sessions, so it applies at once everywhere.
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { role, sessionVersion: { increment: 1 } },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "user.role_changed",
      targetType: "user",
      targetId: user.id,
      data: { from: user.role, to: role },
    });
    return updated;
  });
}

export async function setUserActive({
  orgId,
  actorId,
  userId,
  active,
}: TScope & { userId: string; active: boolean }) {
  const user = await findScoped({ orgId, userId });
  if (user.id === actorId && !active) throw new SelfLockoutError("You cannot deactivate yourself");
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { active, sessionVersion: { increment: 1 } },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: active ? "user.reactivated" : "user.deactivated",
      targetType: "user",
      targetId: user.id,
    });
    return updated;
  });
}

export async function resetUserSessions({ orgId, actorId, userId }: TScope & { userId: string }) {
  const user = await findScoped({ orgId, userId });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "user.sessions_reset",
      targetType: "user",
      targetId: user.id,
    });
  });
}

export type TVersionRow = { version: number; createdAt: Date; createdById: string | null };

/** Saved versions (policy, questionnaire extension) with the name of who saved each. */
export async function nameVersionAuthors({ orgId, rows }: { orgId: string; rows: TVersionRow[] }) {
  const names = new Map(
    (
      await db.user.findMany({
        where: { orgId, id: { in: rows.flatMap((v) => v.createdById ?? []) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  return rows.map((v) => ({
    version: v.version,
    createdAt: v.createdAt,
    by: v.createdById ? (names.get(v.createdById) ?? null) : null,
  }));
}
