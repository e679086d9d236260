import { Badge, Card } from "@/components/ui/card";
import type { TRejudgement } from "@/lib/data/rejudge";

// What the current engine says today about a decided assessment. The decision and its stored
// flags stay as they were; this only shows the difference.

export function RejudgeCard({ rejudged }: { rejudged: TRejudgement }) {
  const { added, changed, gone } = rejudged;
  const same = added.length + changed.length + gone.length === 0;
  return (
    <Card title="Judged again as of today">
      <div id="rejudge" className="space-y-3 text-sm">
        <p className="text-slate-700">
          The current engine ({rejudged.rulesVersion}) reads these answers as of {rejudged.asOf}:{" "}
          <Badge tone={rejudged.rating}>rating: {rejudged.rating}</Badge> score {rejudged.score}
          /100. The decision and its flags above are unchanged.
        </p>
        {same && <p>It raises the same flags at the same severities.</p>}
        {added.length > 0 && (
          <section aria-labelledby="rejudge-added">
            <h3 id="rejudge-added" className="font-semibold">
              Flags the current engine adds ({added.length})
            </h3>
            <ul className="mt-1 space-y-2">
              {added.map((f) => (
                <li key={f.code} data-rejudge-added={f.code}>
                  <div className="flex flex-wrap items-baseline gap-x-2">
                    <Badge tone={f.severity}>{f.severity}</Badge>
                    <span className="font-medium">{f.title}</span>
                    <code className="break-all text-xs text-slate-600">{f.code}</code>
                  </div>
                  <p className="mt-0.5 text-slate-700">{f.detail}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
        {changed.length > 0 && (
          <section aria-labelledby="rejudge-changed">
            <h3 id="rejudge-changed" className="font-semibold">
              Severity changed ({changed.length})
            </h3>
            <ul className="mt-1 list-disc pl-5">
              {changed.map((f) => (
                <li key={f.code}>
                  {f.title} <code className="text-xs">{f.code}</code>: {f.was} → {f.now}
                </li>
              ))}
            </ul>
          </section>
        )}
        {gone.length > 0 && (
          <section aria-labelledby="rejudge-gone">
            <h3 id="rejudge-gone" className="font-semibold">
              No longer raised ({gone.length})
            </h3>
            <ul className="mt-1 list-disc pl-5">
              {gone.map((f) => (
                <li key={f.code}>
                  {f.title} <code className="text-xs">{f.code}</code> (was {f.severity})
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Card>
  );
}
