import { db, Prisma } from "../../db";
import { listOrgFlagTitles, type TOrgFlagTitle } from "../extension";
import { getCommonModeVendors, type TCommonMode } from "./common-mode";
import {
  getConcentration,
  getSitePoints,
  type TConcentration,
  type TSitePoint,
} from "./concentration";
import type { TVendorFilters } from "./filters";
import {
  getDecayClocks,
  getDueAssessments,
  getRatingHeatmap,
  getRatingTrend,
  getTopFlagCodes,
  type TDecayCount,
  type TDecayRow,
  type TDueSummary,
  type TFlagCount,
  type THeatCell,
  type TTrendRow,
} from "./portfolio";
import { foldCounters } from "./sql";
import { listPortfolioVendors, listVendorOwners, type TVendorRow } from "./table";

// Everything one dashboard page shows, read at once: one REPEATABLE READ transaction, so every
// figure sees the same state of the database, and `at` is that state's time (PostgreSQL's
// now() is the transaction's start), which the page prints as "Figures as of".

/** What the page asks for: the widgets' sizes are part of what a snapshot is. */
export const DASHBOARD_SHAPE = {
  dueDays: 14,
  dueLimit: 6,
  decayLimit: 6,
  trendMonths: 12,
  topFlags: 8,
  concentrationLimit: 6,
  sitePoints: 300,
  commonModeLimit: 6,
} as const;

export type TDashboardSnapshot = {
  at: Date;
  heatmap: THeatCell[];
  topFlags: TFlagCount[];
  due: TDueSummary;
  decay: { counts: TDecayCount[]; next: TDecayRow[] };
  trend: TTrendRow[];
  concentration: Record<TConcentration["dim"], TConcentration[]>;
  sitePoints: TSitePoint[];
  commonMode: TCommonMode;
  owners: { id: string; name: string }[];
  /** The organisation's own flag codes and titles, for the flag filter. */
  ownFlags: TOrgFlagTitle[];
  vendors: { rows: TVendorRow[]; total: number };
};

export type TReadDashboardSnapshotInput = { orgId: string; filters: TVendorFilters };

export async function readDashboardSnapshot({
  orgId,
  filters,
}: TReadDashboardSnapshotInput): Promise<TDashboardSnapshot> {
  const s = DASHBOARD_SHAPE;
  // The counters' log of changes into their totals first, so the snapshot sums few rows. Only
  // tidying: the snapshot sums totals and log alike, so a fold that fails changes no figure.
  await foldCounters().catch((e) =>
    console.error(`[dashboard] folding the counters failed: ${(e as Error).message}`),
  );
  return db.$transaction(
    async (tx) => {
      // One query at a time (a transaction has one connection): a refresh leaves the other
      // connections, and the other core, to the pages being served meanwhile.
      const [{ at }] = await tx.$queryRaw<[{ at: Date }]>`SELECT now() AS at`;
      const base = { orgId, tx };
      return {
        at,
        heatmap: await getRatingHeatmap(base),
        topFlags: await getTopFlagCodes({ ...base, limit: s.topFlags }),
        due: await getDueAssessments({ ...base, days: s.dueDays, limit: s.dueLimit }),
        decay: await getDecayClocks({ ...base, limit: s.decayLimit }),
        trend: await getRatingTrend({ ...base, months: s.trendMonths }),
        concentration: await getConcentration({ ...base, limit: s.concentrationLimit }),
        sitePoints: await getSitePoints({ ...base, limit: s.sitePoints }),
        commonMode: await getCommonModeVendors({ ...base, limit: s.commonModeLimit }),
        owners: await listVendorOwners(base),
        ownFlags: await listOrgFlagTitles(base),
        vendors: await listPortfolioVendors({ ...base, filters }),
      };
    },
    {
      isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
      // The whole read takes tens of ms at 100,000 vendors (lib/data/dashboard/README.md).
      maxWait: 10_000,
      timeout: 120_000,
    },
  );
}
