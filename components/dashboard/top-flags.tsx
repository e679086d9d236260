import type { TFlagCount } from "@/lib/data/dashboard";
import { describeFlagCode } from "@/lib/questionnaires/extension/schema";
import { flagTitle } from "@/lib/rules/flag-titles";
import { BarList } from "./bar-list";
import { EmptyState, RATING_FILL, Widget } from "./widget";

export function TopFlags({ flags }: { flags: readonly TFlagCount[] }) {
  return (
    <Widget
      title="Most frequent findings"
      subtitle="Flags on vendors' latest assessments · vendors affected"
    >
      {flags.length === 0 ? (
        <EmptyState>No flags raised yet.</EmptyState>
      ) : (
        <BarList
          title="Most frequent flags, by vendors affected"
          valueLabel="Vendors"
          bars={flags.map((f) => ({
            key: f.code,
            label: flagTitle(f.code, f.title),
            detail: describeFlagCode(f.code),
            value: f.vendors,
            badge: f.severity,
            color: RATING_FILL[f.severity] ?? RATING_FILL.none,
          }))}
        />
      )}
    </Widget>
  );
}
