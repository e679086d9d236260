import { WorldMap } from "@/components/geo/world-map";
import { getSitePoints } from "@/lib/data/dashboard";
import { EmptyState, Widget } from "./widget";

/** Every vendor site, pooled by place; drawn from the offline basemap (no map tiles fetched). */
export async function PortfolioMap({ orgId }: { orgId: string }) {
  const points = await getSitePoints({ orgId, limit: 300 });
  const top = points.slice(0, 12);
  return (
    <Widget
      title="Where vendor data lives"
      subtitle={`${points.length} locations from vendors' latest site lists`}
    >
      {points.length === 0 ? (
        <EmptyState>No sites reported yet.</EmptyState>
      ) : (
        <>
          <WorldMap
            title={`Map of vendor sites: ${top.map((p) => `${p.label} ${p.vendors} vendors`).join(", ")}`}
            height={420}
            showLabels={false}
            points={points.map((p, i) => ({
              id: `pt${i}`,
              label: `${p.label}: ${p.vendors} vendor${p.vendors === 1 ? "" : "s"}`,
              lat: p.lat,
              lon: p.lon,
              kind: p.role,
            }))}
          />
          <table className="sr-only">
            <caption>Vendor sites by place</caption>
            <thead>
              <tr>
                <th scope="col">Place</th>
                <th scope="col">Vendors</th>
                <th scope="col">Most common role</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={`${p.label}-${p.lat}-${p.lon}`}>
                  <th scope="row">{p.label}</th>
                  <td>{p.vendors}</td>
                  <td>{p.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-600">
            Busiest:{" "}
            {top
              .slice(0, 5)
              .map((p) => `${p.label} (${p.vendors})`)
              .join(" · ")}
          </p>
        </>
      )}
    </Widget>
  );
}
