import { LocalTime } from "@/components/ui/local-time";
import { DASHBOARD_CACHE_MS, getDashboardAsOf } from "@/lib/data/dashboard";

/** The dashboard's figures are shared for up to 30 s (lib/data/dashboard/cache.ts): say so. */
export function FiguresAsOf({ orgId }: { orgId: string }) {
  const at = getDashboardAsOf({ orgId });
  return (
    <p className="text-xs text-slate-500">
      Figures as of{" "}
      <LocalTime iso={at.toISOString()} className="font-medium text-slate-700 tabular-nums" /> ·
      refreshed every {DASHBOARD_CACHE_MS / 1000} s
    </p>
  );
}
