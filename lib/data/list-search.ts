import { db, type Prisma } from "../db";
import { LIST_PAGE_SIZE, type TAssessmentSearch, type TVendorSearch } from "../schemas/list-search";
import { assessmentListSelect } from "./assessments";
import { vendorListSelect } from "./vendors";

// The vendor and assessment lists' search, paginated in the database: one page of rows and
// the total, both read in one transaction so the count matches the page. Every query is
// scoped to the caller's organisation.

export type TSearchPage<Row> = { rows: Row[]; total: number; page: number; pageCount: number };

type TPaging = { page: number; pageSize?: number };

const paging = ({ page, pageSize = LIST_PAGE_SIZE }: TPaging) => ({
  skip: (page - 1) * pageSize,
  take: pageSize,
});

const toPage = <Row>(rows: Row[], total: number, { page, pageSize = LIST_PAGE_SIZE }: TPaging) => ({
  rows,
  total,
  page,
  pageCount: Math.max(1, Math.ceil(total / pageSize)),
});

/** A vendor name filter: a case-insensitive substring. */
const nameContains = (q: string | undefined) =>
  q ? { name: { contains: q, mode: "insensitive" as const } } : {};

export type TSearchVendorsInput = { orgId: string; search: TVendorSearch; pageSize?: number };

export async function searchVendors({ orgId, search, pageSize }: TSearchVendorsInput) {
  const where: Prisma.VendorWhereInput = {
    orgId,
    status: search.status,
    ...nameContains(search.q),
    ...(search.tier ? { tier: search.tier } : {}),
    ...(search.owner ? { ownerId: search.owner } : {}),
  };
  const [rows, total] = await db.$transaction([
    db.vendor.findMany({
      where,
      select: vendorListSelect,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...paging({ page: search.page, pageSize }),
    }),
    db.vendor.count({ where }),
  ]);
  return toPage(rows, total, { page: search.page, pageSize });
}

export const assessmentSearchSelect = {
  ...assessmentListSelect,
  vendor: { select: { id: true, name: true, tier: true, owner: { select: { name: true } } } },
} satisfies Prisma.AssessmentSelect;

export type TSearchAssessmentsInput = {
  orgId: string;
  search: TAssessmentSearch;
  pageSize?: number;
};

/** Assessments by their vendor's name, tier and owner, and their own status; newest first. */
export async function searchAssessments({ orgId, search, pageSize }: TSearchAssessmentsInput) {
  const where: Prisma.AssessmentWhereInput = {
    orgId,
    ...(search.status ? { status: search.status } : {}),
    vendor: {
      orgId,
      ...nameContains(search.q),
      ...(search.tier ? { tier: search.tier } : {}),
      ...(search.owner ? { ownerId: search.owner } : {}),
    },
  };
  const [rows, total] = await db.$transaction([
    db.assessment.findMany({
      where,
      select: assessmentSearchSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...paging({ page: search.page, pageSize }),
    }),
    db.assessment.count({ where }),
  ]);
  return toPage(rows, total, { page: search.page, pageSize });
}
