import {
  getDueAssessments,
  getRatingHeatmap,
  getTopFlagCodes,
  listFilteredVendorIds,
  listPortfolioVendors,
  listVendorOwners,
  narrowsVendors,
  type TVendorFilters,
} from "@/lib/data/dashboard";
import { listOrgFlagTitles } from "@/lib/data/extension";
import { formatDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { flagTitle } from "@/lib/rules/flag-titles";
import { SEVERITIES, TIERS } from "@/lib/rules/types";
import { SEVERITY_ORDER, type TPortfolioReport, type TReportSeverity } from "./types";

// The dashboard in print: the dashboard's own SQL aggregates (lib/data/dashboard) plus counts
// for findings, narrowed to the dashboard's filtered vendors when filters are given. Every
// query returns a bounded number of rows, whatever the portfolio's size.

const OPEN = ["open", "in_progress"] as const;
// The report's day also names its file, so it stays an ISO day whatever the display format.
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The vendor list stops here; the CSV export lists every filtered vendor. */
export const PORTFOLIO_VENDOR_ROWS = 100;

export type TLoadPortfolioReportInput = { orgId: string; filters?: TVendorFilters; now?: Date };

export async function loadPortfolioReport({
  orgId,
  filters,
  now = new Date(),
}: TLoadPortfolioReportInput): Promise<TPortfolioReport> {
  const narrowed = filters && narrowsVendors(filters) ? filters : undefined;
  const list: TVendorFilters = { sort: "rating", dir: "asc", ...filters, page: 1 };
  // Counts over the filtered vendors' ids (every active vendor's when nothing narrows).
  const ids = narrowed ? await listFilteredVendorIds({ orgId, filters: narrowed }) : undefined;
  const vendorIn = ids ? { vendorId: { in: ids } } : {};
  const [org, heat, flags, due, vendors, assessments, findingCounts, oldest, listed] =
    await Promise.all([
      db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } }),
      getRatingHeatmap({ orgId, filters: narrowed }),
      getTopFlagCodes({ orgId, limit: 10, filters: narrowed }),
      getDueAssessments({ orgId, days: 0, limit: 25, filters: narrowed }),
      ids ? ids.length : db.vendor.count({ where: { orgId, status: "active" } }),
      db.assessment.count({ where: { orgId, status: { not: "cancelled" }, ...vendorIn } }),
      db.finding.groupBy({
        by: ["severity"],
        where: { orgId, status: { in: [...OPEN] }, ...vendorIn },
        _count: { _all: true },
      }),
      db.finding.findMany({
        where: { orgId, status: { in: [...OPEN] }, ...vendorIn },
        select: {
          title: true,
          severity: true,
          status: true,
          dueDate: true,
          vendor: { select: { name: true } },
        },
        orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        take: 15,
      }),
      listPortfolioVendors({ orgId, filters: list, limit: PORTFOLIO_VENDOR_ROWS }),
    ]);
  const ratings = ["critical", "high", "medium", "low", "unrated"];
  const ratingByTier = ratings.map((rating) => {
    const counts: Record<string, number> = {};
    for (const c of heat)
      if ((c.rating ?? "unrated") === rating) counts[c.tier] = (counts[c.tier] ?? 0) + c.vendors;
    return { rating, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  });
  const findingsBySeverity = new Map(findingCounts.map((f) => [f.severity, f._count._all]));
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    kind: "portfolio",
    orgName: org.name,
    generatedAt: `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    asOf: day(now),
    scope: narrowed ? await describeFilters({ orgId, filters: narrowed }) : null,
    totals: {
      vendors,
      assessments,
      openFindings: findingCounts.reduce((n, f) => n + f._count._all, 0),
      overdue: due.overdue,
    },
    ratingByTier,
    tiers: [...TIERS],
    topFlags: flags.map((f) => ({
      code: f.code,
      title: flagTitle(f.code, f.title),
      count: f.vendors,
    })),
    overdue: due.next.map((d) => ({
      vendor: d.vendorName,
      tier: d.tier,
      due: formatDate(d.dueDate),
      daysOverdue: Math.round((today - d.dueDate.getTime()) / 86_400_000),
      status: d.status,
    })),
    openFindings: SEVERITY_ORDER.filter((s) => SEVERITIES.includes(s)).map(
      (severity: TReportSeverity) => ({
        severity,
        count: findingsBySeverity.get(severity) ?? 0,
      }),
    ),
    vendors: listed.rows.map((v) => ({
      name: v.name,
      tier: v.tier,
      rating: v.rating ?? "not rated",
      score: v.score === null ? "—" : String(v.score),
      openFindings: v.openFindings,
    })),
    vendorsTotal: listed.total,
    oldestFindings: oldest.map((f) => ({
      vendor: f.vendor.name,
      title: f.title,
      severity: f.severity,
      due: formatDate(f.dueDate, { empty: "no date" }),
      status: f.status,
    })),
  };
}

/** The filters in words, for the report's reader: "Tier: critical · Rating: not rated". */
async function describeFilters({ orgId, filters: f }: { orgId: string; filters: TVendorFilters }) {
  const owner = f.ownerId
    ? ((await listVendorOwners({ orgId })).find((o) => o.id === f.ownerId)?.name ?? "unknown")
    : undefined;
  const ownTitle = f.flag
    ? (await listOrgFlagTitles({ orgId })).find((o) => o.code === f.flag)?.title
    : undefined;
  const parts: [string, string | undefined][] = [
    ["Tier", f.tier],
    ["Rating", f.rating === "none" ? "not rated" : f.rating],
    ["Assessment status", f.status === "none" ? "never assessed" : f.status?.replace(/_/g, " ")],
    ["Owner", owner],
    ["Flag", f.flag ? `${flagTitle(f.flag, ownTitle)} (${f.flag})` : undefined],
  ];
  return parts
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`)
    .join(" · ");
}
