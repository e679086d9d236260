import { getTopFlagCodes } from "@/lib/data/dashboard";
import { BarList } from "./bar-list";
import { EmptyState, RATING_FILL, Widget } from "./widget";

export async function TopFlags({ orgId }: { orgId: string }) {
  const flags = await getTopFlagCodes({ orgId, limit: 8 });
  return (
    <Widget title="Most frequent findings" subtitle="Flag codes on vendors' latest assessments">
      {flags.length === 0 ? (
        <EmptyState>No flags raised yet.</EmptyState>
      ) : (
        <BarList
          title="Vendors per flag code"
          valueLabel="Vendors"
          bars={flags.map((f) => ({
            label: f.code.charAt(0) + f.code.slice(1).toLowerCase().replaceAll("_", " "),
            value: f.vendors,
            note: f.severity,
            color: RATING_FILL[f.severity] ?? RATING_FILL.none,
          }))}
        />
      )}
    </Widget>
  );
}
