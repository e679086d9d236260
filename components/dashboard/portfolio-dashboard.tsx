import { type ReactNode, Suspense } from "react";
import type { TVendorFilters } from "@/lib/data/dashboard";
import { vendorFiltersToParams } from "@/lib/data/dashboard";
import { Concentration } from "./concentration";
import { DecayClocks } from "./decay-clocks";
import { DueAssessments } from "./due-assessments";
import { PortfolioMap } from "./portfolio-map";
import { RatingHeatmap } from "./rating-heatmap";
import { RatingTrend } from "./rating-trend";
import { TopFlags } from "./top-flags";
import { VendorFilters } from "./vendor-filters";
import { VendorTable } from "./vendor-table";
import { WidgetSkeleton } from "./widget";

type TProps = { orgId: string; filters: TVendorFilters };

// Each widget streams on its own: a slow query delays one card, not the page.
const slot = (title: string, node: ReactNode, height = 180, className = "") => (
  <Suspense
    key={title}
    fallback={<WidgetSkeleton title={title} height={height} className={className} />}
  >
    {node}
  </Suspense>
);

export function WorkWidgets({ orgId }: { orgId: string }) {
  return (
    <>
      {slot("Assessments due", <DueAssessments orgId={orgId} />, 220)}
      {slot("Decay clocks", <DecayClocks orgId={orgId} />, 220)}
    </>
  );
}

export function PortfolioWidgets({ orgId, lead }: { orgId: string; lead?: ReactNode }) {
  return (
    <>
      {slot("Vendors by tier and rating", <RatingHeatmap orgId={orgId} />, 220)}
      {lead}
      <div className="lg:col-span-2">
        {slot("Ratings over time", <RatingTrend orgId={orgId} />, 220)}
      </div>
      {slot("Most frequent findings", <TopFlags orgId={orgId} />, 220)}
      <div className="lg:col-span-3">
        {slot("Concentration risk", <Concentration orgId={orgId} />, 200)}
      </div>
      <div className="lg:col-span-3">
        {slot("Where vendor data lives", <PortfolioMap orgId={orgId} />, 420)}
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
      {slot("Vendor filters", <VendorFilters orgId={orgId} filters={filters} />, 60)}
      {slot("Vendor table", <VendorTable orgId={orgId} filters={filters} />, 400)}
    </section>
  );
}
