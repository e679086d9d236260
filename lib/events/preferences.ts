import { z } from "zod";
import { recordAudit } from "../audit";
import { db, type Prisma } from "../db";
import { STAFF_EVENT_TYPES, type TStaffEventType } from "./types";

// Stored as what is turned OFF, so every kind is on by default, including kinds added later.
const ZStored = z.object({ email: z.array(z.string()).default([]) }).catch({ email: [] });

export const readEmailOff = (stored: unknown): Set<string> => new Set(ZStored.parse(stored).email);

export type TPreferences = Record<TStaffEventType, boolean>;

/** The signed-in user's mail preferences: every staff event kind, on unless turned off. */
export async function getNotificationPreferences({ userId }: { userId: string }) {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { notificationsOff: true },
  });
  const off = readEmailOff(u.notificationsOff);
  return Object.fromEntries(STAFF_EVENT_TYPES.map((t) => [t, !off.has(t)])) as TPreferences;
}

/** Only the caller's own preferences: the user id comes from the session, never the input. */
export async function setNotificationPreferences({
  orgId,
  userId,
  email,
}: {
  orgId: string;
  userId: string;
  email: Partial<TPreferences>;
}) {
  const off = STAFF_EVENT_TYPES.filter((t) => email[t] === false);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { notificationsOff: { email: off } as Prisma.InputJsonValue },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId },
      action: "user.notifications_changed",
      targetType: "user",
      targetId: userId,
      data: { emailOff: off },
    });
  });
}
