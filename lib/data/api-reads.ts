import { db, type Prisma } from "../db";
import { NotFoundError } from "../errors";
import { flagTitle } from "../rules/flag-titles";

// The REST API's reads (lib/api/operations/): scoped by organisation like every query, paged
// by cursor (the last id of a page; rows in id order, so a page never repeats or skips a row
// written meanwhile).

export type TPage = { cursor?: string; limit: number };

function page<T extends { id: string }>(rows: T[], limit: number) {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, nextCursor: more ? (data.at(-1)?.id ?? null) : null };
}

const after = (cursor?: string) => (cursor ? { id: { gt: cursor } } : {});

export type TVendorFilter = TPage & {
  orgId: string;
  tier?: "critical" | "high" | "moderate" | "low";
  status?: "active" | "archived";
  q?: string;
};

export async function listVendorsPage({ orgId, tier, status, q, cursor, limit }: TVendorFilter) {
  const where: Prisma.VendorWhereInput = {
    orgId,
    ...(tier ? { tier } : {}),
    ...(status ? { status } : {}),
    ...(q ? { name: { contains: q, mode: "insensitive" } } : {}),
    ...after(cursor),
  };
  const rows = await db.vendor.findMany({ where, orderBy: { id: "asc" }, take: limit + 1 });
  return page(rows, limit);
}

export async function findVendorRow({ orgId, vendorId }: { orgId: string; vendorId: string }) {
  const v = await db.vendor.findFirst({ where: { id: vendorId, orgId } });
  if (!v) throw new NotFoundError("Vendor not found");
  return v;
}

export async function listVendorContacts({ orgId, vendorId }: { orgId: string; vendorId: string }) {
  await findVendorRow({ orgId, vendorId });
  return db.vendorContact.findMany({
    where: { orgId, vendorId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export const apiAssessmentInclude = {
  questionnaireVersion: { select: { key: true, version: true } },
  invitations: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.AssessmentInclude;

export type TAssessmentFilter = TPage & {
  orgId: string;
  vendorId?: string;
  status?: Prisma.AssessmentWhereInput["status"];
};

export async function listAssessmentsPage({
  orgId,
  vendorId,
  status,
  cursor,
  limit,
}: TAssessmentFilter) {
  const rows = await db.assessment.findMany({
    where: {
      orgId,
      ...(vendorId ? { vendorId } : {}),
      ...(status ? { status } : {}),
      ...after(cursor),
    },
    include: apiAssessmentInclude,
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return page(rows, limit);
}

export async function findAssessmentRow({
  orgId,
  assessmentId,
}: {
  orgId: string;
  assessmentId: string;
}) {
  const a = await db.assessment.findFirst({
    where: { id: assessmentId, orgId },
    include: apiAssessmentInclude,
  });
  if (!a) throw new NotFoundError("Assessment not found");
  return a;
}

export async function listAssessmentAnswers({
  orgId,
  assessmentId,
}: {
  orgId: string;
  assessmentId: string;
}) {
  await findAssessmentRow({ orgId, assessmentId });
  return db.answer.findMany({
    where: { assessmentId },
    orderBy: { questionId: "asc" },
    select: { questionId: true, value: true, awaitingConfirmation: true, updatedAt: true },
  });
}

export async function listAssessmentFlags({
  orgId,
  assessmentId,
}: {
  orgId: string;
  assessmentId: string;
}) {
  await findAssessmentRow({ orgId, assessmentId });
  const flags = await db.flag.findMany({ where: { assessmentId }, orderBy: { createdAt: "asc" } });
  // Every reader names a flag by the engine's title for its code (lib/rules/flag-titles.ts); an
  // organisation's own flag by the title its rule gave it.
  return flags.map((f) => ({ ...f, title: flagTitle(f.code, f.title) }));
}

export async function listAssessmentFindings({
  orgId,
  assessmentId,
}: {
  orgId: string;
  assessmentId: string;
}) {
  await findAssessmentRow({ orgId, assessmentId });
  return db.finding.findMany({ where: { orgId, assessmentId }, orderBy: { createdAt: "asc" } });
}

export async function findFindingRow({ orgId, findingId }: { orgId: string; findingId: string }) {
  const f = await db.finding.findFirst({ where: { id: findingId, orgId } });
  if (!f) throw new NotFoundError("Finding not found");
  return f;
}
