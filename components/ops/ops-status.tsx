import path from "node:path";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/card";
import { DRILL_MAX_AGE_DAYS, type TOpsOverview } from "@/lib/data/ops";
import { formatBytes } from "@/lib/ops/summary";
import { formatAge, formatDateTime } from "./when";

export function RunResult({ ok }: { ok: boolean }) {
  return <Badge tone={ok ? "low" : "critical"}>{ok ? "OK" : "Failed"}</Badge>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

const factList = "grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm";
const when = (d: Date, now: Date) => `${formatDateTime(d)} (${formatAge({ date: d, now })})`;

export function LastBackup({ overview, now }: { overview: TOpsOverview; now: Date }) {
  const b = overview.lastBackup;
  if (!b) return <p className="text-sm text-slate-700">No backup has run yet.</p>;
  const ok = overview.lastOkBackup;
  const size = b.bytes !== null ? formatBytes(b.bytes) : b.file ? "file no longer on disk" : "–";
  return (
    <dl className={factList}>
      <Fact term="Time">{when(b.finishedAt, now)}</Fact>
      <Fact term="Result">
        <RunResult ok={b.ok} />
      </Fact>
      <Fact term="File">{b.file ? <code className="text-xs">{b.file}</code> : "none"}</Fact>
      <Fact term="Size">{size}</Fact>
      <Fact term="Details">{b.detail ?? "–"}</Fact>
      {!b.ok && <Fact term="Last successful">{ok ? when(ok.finishedAt, now) : "never"}</Fact>}
    </dl>
  );
}

export function LastDrill({ overview, now }: { overview: TOpsOverview; now: Date }) {
  const d = overview.lastPassedDrill;
  if (!d) return <p className="text-sm text-slate-700">No restore drill has passed yet.</p>;
  return (
    <dl className={factList}>
      <Fact term="Time">{when(d.finishedAt, now)}</Fact>
      <Fact term="Backup">
        {d.file ? <code className="text-xs">{path.basename(d.file)}</code> : "–"}
      </Fact>
      <Fact term="Result">{d.detail ?? "passed"}</Fact>
    </dl>
  );
}

export function DrillWarning({ overview }: { overview: TOpsOverview }) {
  const { overdue, ageDays } = overview.drill;
  if (!overdue) return null;
  return (
    <section
      aria-labelledby="drill-warning-title"
      className="mb-6 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="drill-warning-title" className="font-semibold">
        Warning: restore drill overdue
      </h2>
      <p className="mt-1 text-sm">
        {ageDays === null
          ? "No restore drill has ever passed, so nobody knows whether these backups can be restored."
          : `The last passed restore drill was ${ageDays} days ago (more than ${DRILL_MAX_AGE_DAYS}).`}{" "}
        Run one with &ldquo;Run a restore drill now&rdquo; below, or <code>npm run drill</code> on
        the server: it restores the newest data into a scratch database, boots the app on it and
        signs in.
      </p>
    </section>
  );
}

/** A failed last backup is said first, in words, not only as a red badge further down. */
export function BackupWarning({ overview, now }: { overview: TOpsOverview; now: Date }) {
  const b = overview.lastBackup;
  if (!b || b.ok) return null;
  const ok = overview.lastOkBackup;
  return (
    <section
      aria-labelledby="backup-warning-title"
      className="mb-6 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 text-red-950"
    >
      <h2 id="backup-warning-title" className="font-semibold">
        Warning: the last backup failed
      </h2>
      <p className="mt-1 text-sm">
        The backup at {when(b.finishedAt, now)} failed. Reason: {b.detail ?? "none recorded"}
      </p>
      <p className="mt-1 text-sm">
        {ok
          ? `The newest good backup is from ${when(ok.finishedAt, now)}.`
          : "No backup has ever succeeded."}{" "}
        Scheduled backups try again at their next run; <code>npm run backup</code> on the server
        tries now. The readiness check (<code>/api/ready</code>) reports the failure until a backup
        succeeds.
      </p>
    </section>
  );
}
