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

type TAuditEvent = Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>;

export type TAuditEventRow = TAuditEvent & {
  actorName: string;
  /** What the target is called (a vendor's name, a user's name and email …); null when unknown. */
  targetName: string | null;
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
  const [actorNames, targetNames] = await Promise.all([
    nameActors({ orgId, rows }),
    nameTargets({ orgId, rows }),
  ]);
  const events = rows.map((r, i) => ({
    ...r,
    actorName: actorNames[i]!,
    targetName:
      (r.targetType && r.targetId && targetNames.get(`${r.targetType}:${r.targetId}`)) || null,
  }));
  return { events, total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** Who did it, in words: the user's name and email, or the vendor contact's address. */
async function nameActors({ orgId, rows }: { orgId: string; rows: TAuditEvent[] }) {
  const userIds = idsOf(rows.map((r) => r.actorUserId));
  const invIds = idsOf(rows.map((r) => r.actorInvitationId));
  const [users, invitations] = await Promise.all([
    userIds.length
      ? db.user.findMany({
          where: { orgId, id: { in: userIds } },
          select: { id: true, name: true, email: true },
        })
      : [],
    invIds.length
      ? db.invitation.findMany({
          where: { orgId, id: { in: invIds } },
          select: { id: true, email: true },
        })
      : [],
  ]);
  const userName = new Map(users.map((u) => [u.id, `${u.name} (${u.email})`]));
  const invEmail = new Map(invitations.map((i) => [i.id, `Vendor: ${i.email}`]));
  return rows.map(
    (r) =>
      (r.actorUserId && userName.get(r.actorUserId)) ||
      (r.actorInvitationId && invEmail.get(r.actorInvitationId)) ||
      r.actorLabel ||
      r.actorKind,
  );
}

const idsOf = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => !!id))];

const vendorAndQuestionnaire = {
  vendor: { select: { name: true } },
  questionnaireVersion: { select: { title: true } },
} as const;

/**
 * What each event was done to, in words, keyed "type:id": one query per kind of target on the
 * page (never one per row), each scoped to the organisation, so another organisation's record
 * is never named. Records since deleted stay unnamed; the page shows their id.
 */
async function nameTargets({ orgId, rows }: { orgId: string; rows: TAuditEvent[] }) {
  const idsFor = (type: string) =>
    idsOf(rows.map((r) => (r.targetType === type ? r.targetId : null)));
  const find = <T>(
    ids: string[],
    query: (where: { orgId: string; id: { in: string[] } }) => Promise<T[]>,
  ) => (ids.length ? query({ orgId, id: { in: ids } }) : Promise.resolve([]));
  const [vendors, assessments, users, findings, evidence, invitations, orgs] = await Promise.all([
    find(idsFor("vendor"), (where) =>
      db.vendor.findMany({ where, select: { id: true, name: true } }),
    ),
    find(idsFor("assessment"), (where) =>
      db.assessment.findMany({ where, select: { id: true, ...vendorAndQuestionnaire } }),
    ),
    find(idsFor("user"), (where) =>
      db.user.findMany({ where, select: { id: true, name: true, email: true } }),
    ),
    find(idsFor("finding"), (where) =>
      db.finding.findMany({
        where,
        select: { id: true, title: true, vendor: { select: { name: true } } },
      }),
    ),
    find(idsFor("evidence"), (where) =>
      db.evidenceFile.findMany({
        where,
        select: { id: true, fileName: true, assessment: { select: vendorAndQuestionnaire } },
      }),
    ),
    find(idsFor("invitation"), (where) =>
      db.invitation.findMany({
        where,
        select: { id: true, email: true, assessment: { select: vendorAndQuestionnaire } },
      }),
    ),
    idsFor("organization").includes(orgId)
      ? db.organization.findMany({ where: { id: orgId }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  const of = (a: { vendor: { name: string }; questionnaireVersion: { title: string } }) =>
    `${a.vendor.name}: ${a.questionnaireVersion.title}`;
  return new Map<string, string>([
    ...vendors.map((v) => [`vendor:${v.id}`, v.name] as const),
    ...assessments.map((a) => [`assessment:${a.id}`, of(a)] as const),
    ...users.map((u) => [`user:${u.id}`, `${u.name} (${u.email})`] as const),
    ...findings.map((f) => [`finding:${f.id}`, `${f.title} (${f.vendor.name})`] as const),
    ...evidence.map((e) => [`evidence:${e.id}`, `${e.fileName} (${of(e.assessment)})`] as const),
    ...invitations.map((i) => [`invitation:${i.id}`, `${i.email} (${of(i.assessment)})`] as const),
    ...orgs.map((o) => [`organization:${o.id}`, o.name] as const),
  ]);
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
