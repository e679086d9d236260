import { Badge } from "@/components/ui/card";
import type { TSelfAssessment } from "@/lib/ops/self-assessment";

/** This deployment judged by the app's own engine: the facts it used and the flags it raised. */
export function SelfAssessment({ assessment }: { assessment: TSelfAssessment }) {
  const { facts, flags } = assessment;
  return (
    <div className="space-y-4 text-sm">
      <p className="text-slate-700">
        The same rules that judge a vendor&apos;s answers, applied to this installation&apos;s own
        backups and restore drills.
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2" aria-label="Facts used">
        {facts.map((f) => (
          <div key={f.label} className="contents">
            <dt className="font-medium text-slate-700">{f.label}</dt>
            <dd className="min-w-0 break-words text-slate-900">{f.value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="font-semibold text-slate-900">
        {flags.length === 0
          ? "No flags: a vendor with this set-up would get none for its backups and drills."
          : `Flags a vendor with this set-up would get (${flags.length})`}
      </h3>
      {flags.length > 0 && (
        <ul className="space-y-3" aria-label="Flags for this deployment">
          {flags.map((f) => (
            <li key={f.code} className="rounded-md p-3 ring-1 ring-slate-200">
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={f.severity}>{f.severity}</Badge>
                <code className="text-xs">{f.code}</code>
                <span className="font-medium text-slate-900">{f.title}</span>
              </p>
              <p className="mt-1 text-slate-700">{f.detail}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** With an external database, its own backups come first; the app's is an export on top. */
export function ExternalDatabaseNote() {
  return (
    <section
      aria-labelledby="external-db-title"
      className="mb-6 rounded-lg border-l-4 border-sky-700 bg-sky-50 p-4 text-sky-950"
    >
      <h2 id="external-db-title" className="font-semibold">
        External database: its own backups come first
      </h2>
      <p className="mt-1 text-sm">
        The data lives in the PostgreSQL server named by DATABASE_URL. Its own backups and
        point-in-time recovery (the managed service&apos;s, or your base backups with WAL archiving)
        are what recovers it after a loss or a mistaken change; check that they are on and tested.
        The app&apos;s backups here are a logical export on top: a second, portable copy of the data
        and the evidence, proven restorable by the drill.
      </p>
    </section>
  );
}
