import { DASHBOARD_CACHE_MS, getDashboardAsOf } from "@/lib/data/dashboard";

const TIME = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** The dashboard's figures are shared for up to 30 s (lib/data/dashboard/cache.ts): say so. */
export function FiguresAsOf({ orgId }: { orgId: string }) {
  const at = getDashboardAsOf({ orgId });
  return (
    <p className="text-xs text-slate-500">
      Figures as of{" "}
      <time dateTime={at.toISOString()} className="font-medium text-slate-700 tabular-nums">
        {TIME.format(at)} UTC
      </time>{" "}
      · refreshed every {DASHBOARD_CACHE_MS / 1000} s
    </p>
  );
}
