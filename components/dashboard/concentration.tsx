import type { TConcentration } from "@/lib/data/dashboard";
import { getCountryName } from "@/lib/questionnaires/countries";
import { BarList } from "./bar-list";
import { EmptyState, Widget } from "./widget";

const DIMS = [
  { dim: "provider", title: "Providers" },
  { dim: "region", title: "Provider regions" },
  { dim: "country", title: "Countries" },
] as const;

/** DORA Art. 29: where the portfolio's dependencies pile up, weighted by vendor tier. */
export function Concentration({
  data,
}: {
  data: Readonly<Record<TConcentration["dim"], readonly TConcentration[]>>;
}) {
  const empty = DIMS.every((d) => data[d.dim].length === 0);
  return (
    <Widget
      title="Concentration risk"
      subtitle="Vendors depending on each provider, region and country · weight = critical 4, high 3, moderate 2, low 1"
    >
      {empty ? (
        <EmptyState>No sites reported yet.</EmptyState>
      ) : (
        <div className="grid gap-6 md:grid-cols-3">
          {DIMS.map(({ dim, title }) => (
            <div key={dim}>
              <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                {title}
              </h3>
              <BarList
                title={`${title} by tier-weighted vendor count`}
                valueLabel="Tier weight"
                color="#4338ca"
                bars={data[dim].map((r) => ({
                  label: dim === "country" ? label(r.key) : r.key,
                  value: r.weight,
                  note: `${r.vendors} vendor${r.vendors === 1 ? "" : "s"}`,
                }))}
              />
            </div>
          ))}
        </div>
      )}
    </Widget>
  );
}

function label(code: string) {
  return getCountryName({ code }) || code;
}
