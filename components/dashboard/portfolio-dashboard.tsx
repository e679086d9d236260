import type { ReactNode } from "react";
import {
  getConcentration,
  getDecayClocks,
  getDueAssessments,
  getRatingHeatmap,
  getRatingTrend,
  getSitePoints,
  getTopFlagCodes,
  lastMonths,
  listPortfolioVendors,
  listVendorOwners,
  type TVendorFilters,
  vendorFiltersToParams,
} from "@/lib/data/dashboard";
import { Concentration } from "./concentration";
import { DecayClocks } from "./decay-clocks";
import { DueAssessments } from "./due-assessments";
import { PortfolioMap } from "./portfolio-map";
import { RatingHeatmap } from "./rating-heatmap";
import { RatingTrend } from "./rating-trend";
import { TopFlags } from "./top-flags";
import { VendorFilters } from "./vendor-filters";
import { VendorTable } from "./vendor-table";
import { WhenReady } from "./when-ready";
import { WidgetSkeleton } from "./widget";

type TProps = { orgId: string; filters: TVendorFilters };

// Every query starts here, at once; each widget renders as soon as its own data is there, so
// a slow query delays one card, not the page (and a cached one delays nothing).
function slot<T>(
  title: string,
  data: Promise<T>,
  render: (value: T) => ReactNode,
  { height = 180, className = "" }: { height?: number; className?: string } = {},
) {
  return (
    <WhenReady
      key={title}
      data={data}
      fallback={<WidgetSkeleton title={title} height={height} className={className} />}
    >
      {render}
    </WhenReady>
  );
}

const DUE_DAYS = 14;
const TREND_MONTHS = 12;

export function WorkWidgets({ orgId }: { orgId: string }) {
  return (
    <>
      {slot(
        "Assessments due",
        getDueAssessments({ orgId, days: DUE_DAYS, limit: 6 }),
        (due) => (
          <DueAssessments due={due} days={DUE_DAYS} now={Date.now()} />
        ),
        { height: 220 },
      )}
      {slot(
        "Decay clocks",
        getDecayClocks({ orgId, limit: 6 }),
        (decay) => (
          <DecayClocks decay={decay} now={Date.now()} />
        ),
        { height: 220 },
      )}
    </>
  );
}

export function PortfolioWidgets({ orgId, lead }: { orgId: string; lead?: ReactNode }) {
  return (
    <>
      {slot(
        "Vendors by tier and rating",
        getRatingHeatmap({ orgId }),
        (cells) => (
          <RatingHeatmap cells={cells} />
        ),
        { height: 220 },
      )}
      {lead}
      <div className="lg:col-span-2">
        {slot(
          "Ratings over time",
          getRatingTrend({ orgId, months: TREND_MONTHS }),
          (rows) => (
            <RatingTrend rows={rows} months={lastMonths(TREND_MONTHS)} />
          ),
          { height: 220 },
        )}
      </div>
      {slot(
        "Most frequent findings",
        getTopFlagCodes({ orgId, limit: 8 }),
        (flags) => (
          <TopFlags flags={flags} />
        ),
        { height: 220 },
      )}
      <div className="lg:col-span-3">
        {slot(
          "Concentration risk",
          getConcentration({ orgId, limit: 6 }),
          (data) => (
            <Concentration data={data} />
          ),
          { height: 200 },
        )}
      </div>
      <div className="lg:col-span-3">
        {slot(
          "Where vendor data lives",
          getSitePoints({ orgId, limit: 300 }),
          (points) => (
            <PortfolioMap points={points} />
          ),
          { height: 420 },
        )}
      </div>
    </>
  );
}

export function VendorsSection({ orgId, filters }: TProps) {
  const query = vendorFiltersToParams({ filters, patch: { page: 1 } }).toString();
  return (
    <section
      id="vendors"
      aria-labelledby="vendors-title"
      className="scroll-mt-6 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:col-span-3"
    >
      <header className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="vendors-title" className="text-sm font-semibold text-slate-900">
            Vendors
          </h2>
          <p className="text-xs text-slate-500">
            Latest rating per vendor; filter, sort and export.
          </p>
        </div>
        <a
          href={`/api/vendors/export.csv${query ? `?${query}` : ""}`}
          download
          className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
        >
          Export CSV
        </a>
      </header>
      {slot(
        "Vendor filters",
        listVendorOwners({ orgId }),
        (owners) => (
          <VendorFilters owners={owners} filters={filters} />
        ),
        { height: 60 },
      )}
      {slot(
        "Vendor table",
        listPortfolioVendors({ orgId, filters }),
        (page) => (
          <VendorTable page={page} filters={filters} />
        ),
        { height: 400 },
      )}
    </section>
  );
}
