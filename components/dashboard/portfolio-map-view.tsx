"use client";

// The dashboard map's drawing, legend, busiest places and the accessible table of all places.
// A client component for its size, not for interactivity: the RSC payload carries the places
// as data instead of a second copy of the markup. Positions arrive projected by the server.
import { MapLegend, MarkerSymbol } from "@/components/geo/map-symbols";
import { Table } from "@/components/ui/table";
import { DEFAULT_KIND_COLORS, FALLBACK_COLOR } from "@/lib/geo/map-style";
import { PORTFOLIO_BASEMAP_URL, PORTFOLIO_MAP } from "@/lib/geo/portfolio-map-frame";
import { BarList } from "./bar-list";
import { EmptyState, fmtInt, Widget } from "./widget";

/** A place with vendor sites: map position (null when off the map) and marker radius. */
export type TMapPlace = {
  key: string;
  label: string;
  vendors: number;
  role: string;
  xy: [number, number] | null;
  /** Position in the Europe inset, when the place is in Europe. */
  insetXy: [number, number] | null;
  r: number;
};

/** The inset: the area of the world map it enlarges, and where it sits (x, y, w, h). */
export type TInset = {
  view: [number, number, number, number];
  box: [number, number, number, number];
};

const ROLE_LABELS: Record<string, string> = {
  primary: "Mostly primary sites",
  secondary: "Mostly secondary sites",
  backup: "Mostly backup sites",
  processing: "Mostly processing sites",
};
const roleLabel = (role: string) => ROLE_LABELS[role] ?? "Sites of unspecified role";
const colorOf = (role: string) => DEFAULT_KIND_COLORS[role] ?? FALLBACK_COLOR;
const vendorsText = (n: number) => `${fmtInt(n)} vendor${n === 1 ? "" : "s"}`;
const TOP = 8;

export function PortfolioMapView({
  places,
  inset,
}: {
  places: readonly TMapPlace[];
  inset: TInset;
}) {
  if (places.length === 0)
    return (
      <Widget title="Where vendor data lives">
        <EmptyState>No sites reported yet.</EmptyState>
      </Widget>
    );
  return (
    <Widget
      title="Where vendor data lives"
      subtitle={`${places.length} places from vendors' latest site lists · marker size = vendors at the place`}
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <figure className="space-y-2">
          <MapDrawing places={places} inset={inset} />
          <figcaption>
            <MapLegend
              kinds={[...new Set(places.map((p) => p.role))]}
              colorOf={colorOf}
              labelOf={roleLabel}
            />
          </figcaption>
        </figure>
        <div>
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Busiest places
          </h3>
          <BarList
            title="Busiest places, by vendors with a site there"
            valueLabel="Vendors"
            color="#4338ca"
            bars={places
              .slice(0, TOP)
              .map((p) => ({ key: p.key, label: p.label, value: p.vendors }))}
          />
        </div>
      </div>
      <Table
        caption="Vendor sites by place"
        variant="hidden"
        rows={places}
        rowKey={(p) => p.key}
        columns={[
          { header: "Place", rowHeader: true, cell: (p) => p.label },
          { header: "Vendors", cell: (p) => p.vendors },
          { header: "Most common site role", cell: (p) => p.role || "unspecified" },
        ]}
      />
    </Widget>
  );
}

function Marker({ place, xy, r }: { place: TMapPlace; xy: [number, number]; r: number }) {
  return (
    <g>
      <title>{`${place.label}: ${vendorsText(place.vendors)} (${roleLabel(place.role).toLowerCase()})`}</title>
      <MarkerSymbol kind={place.role} color={colorOf(place.role)} x={xy[0]} y={xy[1]} r={r} />
    </g>
  );
}

function MapDrawing({ places, inset }: { places: readonly TMapPlace[]; inset: TInset }) {
  const { width, height } = PORTFOLIO_MAP;
  const summary = places
    .slice(0, 5)
    .map((p) => `${p.label} ${vendorsText(p.vendors)}`)
    .join(", ");
  const [vx, vy, vw, vh] = inset.view;
  const [bx, by, bw, bh] = inset.box;
  const inEurope = places.filter((p) => p.insetXy);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className="block h-auto w-full rounded-lg ring-1 ring-slate-200"
      role="img"
      aria-label={`World map of ${places.length} places with vendor sites; busiest: ${summary}. The table below lists every place.`}
    >
      <image href={PORTFOLIO_BASEMAP_URL} x={0} y={0} width={width} height={height} />
      {/* Busiest first (the order they arrive in), so small places are drawn on top. */}
      <g opacity={0.85}>
        {places.map((p) => (p.xy ? <Marker key={p.key} place={p} xy={p.xy} r={p.r} /> : null))}
      </g>
      {inEurope.length > 0 && (
        <g>
          <rect
            x={vx}
            y={vy}
            width={vw}
            height={vh}
            fill="none"
            stroke="#64748b"
            strokeWidth={1}
            strokeDasharray="3 3"
          />
          <svg
            x={bx}
            y={by}
            width={bw}
            height={bh}
            viewBox={`${vx} ${vy} ${vw} ${vh}`}
            aria-hidden="true"
          >
            <image href={PORTFOLIO_BASEMAP_URL} x={0} y={0} width={width} height={height} />
          </svg>
          <rect x={bx} y={by} width={bw} height={bh} fill="none" stroke="#94a3b8" />
          <text x={bx + 8} y={by + 16} className="fill-slate-600 text-[11px] font-semibold">
            Europe
          </text>
          <g opacity={0.85}>
            {inEurope.map((p) =>
              p.insetXy ? (
                <Marker key={p.key} place={p} xy={p.insetXy} r={Math.max(3, p.r * 0.7)} />
              ) : null,
            )}
          </g>
        </g>
      )}
    </svg>
  );
}
