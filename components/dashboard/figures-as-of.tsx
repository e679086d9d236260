import { LocalTime } from "@/components/ui/local-time";

/** The time of the snapshot every figure on the page comes from, and how long it is shared. */
export function FiguresAsOf({ at, lifeMs }: { at: Date; lifeMs: number }) {
  return (
    <p className="text-xs text-slate-500">
      Figures as of{" "}
      <LocalTime iso={at.toISOString()} className="font-medium text-slate-700 tabular-nums" /> ·
      refreshed every {Math.round(lifeMs / 1000)} s
    </p>
  );
}
