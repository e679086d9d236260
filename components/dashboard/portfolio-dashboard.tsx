import type { ReactNode } from "react";
import {
  DASHBOARD_SHAPE,
  lastMonths,
  narrowsVendors,
  type TDashboardSnapshot,
  type TVendorFilters,
  vendorFiltersToParams,
} from "@/lib/data/dashboard";
import { describeFlagCode } from "@/lib/questionnaires/extension/schema";
import { flagOptions } from "@/lib/rules/flag-titles";
import { CommonMode } from "./common-mode";
import { Concentration } from "./concentration";
import { DecayClocks } from "./decay-clocks";
import { DueAssessments } from "./due-assessments";
import { PortfolioMap } from "./portfolio-map";
import { RatingHeatmap } from "./rating-heatmap";
import { RatingTrend } from "./rating-trend";
import { TopFlags } from "./top-flags";
import { VendorFilters } from "./vendor-filters";
import { VendorTable } from "./vendor-table";

// Every widget renders from the page's one snapshot (lib/data/dashboard/snapshot.ts): the
// figures on a page never mix two reads, and "Figures as of" is the time of all of them.
type TSnap = { snapshot: TDashboardSnapshot };
type TProps = TSnap & { filters: TVendorFilters; canExportPdf: boolean };

export function WorkWidgets({ snapshot }: TSnap) {
  const now = snapshot.at.getTime();
  return (
    <>
      <DueAssessments due={snapshot.due} days={DASHBOARD_SHAPE.dueDays} now={now} />
      <DecayClocks decay={snapshot.decay} now={now} />
    </>
  );
}

export function PortfolioWidgets({ snapshot, lead }: TSnap & { lead?: ReactNode }) {
  return (
    <>
      <RatingHeatmap cells={snapshot.heatmap} />
      {lead}
      <div className="lg:col-span-2">
        <RatingTrend
          rows={snapshot.trend}
          months={lastMonths(DASHBOARD_SHAPE.trendMonths, snapshot.at)}
        />
      </div>
      <TopFlags flags={snapshot.topFlags} />
      <CommonMode data={snapshot.commonMode} />
      <div className="lg:col-span-3">
        <Concentration data={snapshot.concentration} />
      </div>
      <div className="lg:col-span-3">
        <PortfolioMap points={snapshot.sitePoints} />
      </div>
    </>
  );
}

const exportLink =
  "rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50";

export function VendorsSection({ snapshot, filters, canExportPdf }: TProps) {
  // The exports take the table's filters and sort; a page number means nothing to them.
  const query = vendorFiltersToParams({ filters, patch: { page: 1 } }).toString();
  const suffix = query ? `?${query}` : "";
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
        <div className="flex flex-wrap gap-2">
          <a href={`/api/vendors/export.csv${suffix}`} download className={exportLink}>
            Export CSV
          </a>
          {canExportPdf && (
            <a href={`/api/reports/portfolio.pdf${suffix}`} download className={exportLink}>
              {narrowsVendors(filters) ? "Portfolio PDF (filtered)" : "Portfolio PDF"}
            </a>
          )}
        </div>
      </header>
      {/* Keyed by the filters: a link to other filters (a heat-map cell) is a client-side
          navigation, and the form's default values only apply when it mounts. */}
      <VendorFilters
        key={query}
        owners={snapshot.owners}
        flags={[
          ...flagOptions(),
          // The organisation's own rules' flags, by title, saying where they come from.
          ...snapshot.ownFlags.map((f) => ({
            value: f.code,
            label: `${f.title} (${describeFlagCode(f.code)})`,
          })),
        ]}
        filters={filters}
      />
      <VendorTable page={snapshot.vendors} filters={filters} />
    </section>
  );
}
