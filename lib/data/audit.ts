import { z } from "zod";
import { db, type Prisma } from "../db";
import { fieldTextMessages, textCheck } from "../schemas/common";

// The audit log, read for administrators: filtered and paginated in the database, scoped to
// the caller's organisation (events of another organisation never appear).

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

// Free text passes the forms' text check too: a NUL in the URL must not reach a query.
const searchText = (max: number) =>
  z
    .string()
    .trim()
    .check(textCheck(max, fieldTextMessages("Filter", max)))
    .optional()
    .catch(undefined);

/** Filters as they come from the URL; anything malformed is ignored rather than an error. */
export const ZAuditFilters = z.object({
  action: searchText(80),
  actor: searchText(200),
  from: isoDate,
  to: isoDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

export const AUDIT_PAGE_SIZE = 50;

const auditEventSelect = {
  id: true,
  createdAt: true,
  actorKind: true,
  actorUserId: true,
  actorInvitationId: true,
  actorLabel: true,
  action: true,
  targetType: true,
  targetId: true,
  data: true,
  ip: true,
} satisfies Prisma.AuditEventSelect;

async function buildWhere({ orgId, filters }: { orgId: string; filters: TAuditFilters }) {
  const where: Prisma.AuditEventWhereInput = { orgId };
  if (filters.action) where.action = filters.action;
  if (filters.actor) {
    const q = filters.actor;
    const users = await db.user.findMany({
      where: {
        orgId,
        OR: [
          { email: { contains: q, mode: "insensitive" } },
          { name: { contains: q, mode: "insensitive" } },
        ],
      },
      select: { id: true },
    });
    where.OR = [
      { actorLabel: { contains: q, mode: "insensitive" } },
      { actorUserId: { in: users.map((u) => u.id) } },
    ];
  }
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00.000Z`) } : {}),
      // "to" is inclusive: the whole of that day.
      ...(filters.to
        ? { lt: new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 86_400_000) }
        : {}),
    };
  }
  return where;
}

export type TAuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }> & {
  actorName: string;
};

export async function listAuditEvents({
  orgId,
  filters,
}: {
  orgId: string;
  filters: TAuditFilters;
}) {
  const where = await buildWhere({ orgId, filters });
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      select: auditEventSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: AUDIT_PAGE_SIZE,
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
    }),
  ]);
  const events = await nameActors({ orgId, rows });
  return { events, total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** Who did it, in words: the user's name and email, or the vendor contact's address. */
async function nameActors({
  orgId,
  rows,
}: {
  orgId: string;
  rows: Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>[];
}): Promise<TAuditEventRow[]> {
  const userIds = [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const invIds = [
    ...new Set(rows.flatMap((r) => (r.actorInvitationId ? [r.actorInvitationId] : []))),
  ];
  const [users, invitations] = await Promise.all([
    db.user.findMany({
      where: { orgId, id: { in: userIds } },
      select: { id: true, name: true, email: true },
    }),
    db.invitation.findMany({
      where: { orgId, id: { in: invIds } },
      select: { id: true, email: true },
    }),
  ]);
  const userName = new Map(users.map((u) => [u.id, `${u.name} (${u.email})`]));
  const invEmail = new Map(invitations.map((i) => [i.id, `Vendor: ${i.email}`]));
  return rows.map((r) => ({
    ...r,
    actorName:
      (r.actorUserId && userName.get(r.actorUserId)) ||
      (r.actorInvitationId && invEmail.get(r.actorInvitationId)) ||
      r.actorLabel ||
      r.actorKind,
  }));
}

/** The actions recorded in this organisation, for the filter's choices. */
export async function listAuditActions({ orgId }: { orgId: string }) {
  const rows = await db.auditEvent.groupBy({
    by: ["action"],
    where: { orgId },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}
