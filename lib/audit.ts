import { db, type Prisma } from "./db";

export type TActor =
  | { kind: "user"; userId: string; label?: string }
  | { kind: "vendor"; invitationId: string; label?: string }
  | { kind: "system"; label?: string }
  | { kind: "api"; label?: string };

export type TRecordAudit = {
  orgId: string | null;
  actor: TActor;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonValue;
  ip?: string | null;
  tx?: Prisma.TransactionClient;
};

/** A staff user as the audit log's actor; `label` says through what (an API token's name). */
export const userActor = (userId: string, label?: string): TActor =>
  label ? { kind: "user", userId, label } : { kind: "user", userId };

/** Appends one audit event. The table refuses UPDATE and DELETE (a trigger). */
export async function recordAudit({
  orgId,
  actor,
  action,
  targetType,
  targetId,
  data,
  ip,
  tx,
}: TRecordAudit) {
  await (tx ?? db).auditEvent.create({
    data: {
      orgId,
      actorKind: actor.kind,
      actorUserId: actor.kind === "user" ? actor.userId : null,
      actorInvitationId: actor.kind === "vendor" ? actor.invitationId : null,
      actorLabel: actor.label ?? null,
      action,
      targetType: targetType ?? null,
      targetId: targetId ?? null,
      data: data ?? {},
      ip: ip ?? null,
    },
  });
}
