import path from "node:path";
import { Badge } from "@/components/ui/card";
import type { TOpsOverview } from "@/lib/data/ops";
import { RunResult } from "./ops-status";
import { formatDateTime, formatDuration } from "./when";

const KIND_LABELS = { backup: "Backup", drill: "Restore drill" } as const;

export function RunTable({ runs }: { runs: TOpsOverview["runs"] }) {
  if (!runs.length) return <p className="text-sm text-slate-700">No runs recorded yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Recent backup and restore drill runs, newest first</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Finished
            </th>
            <th scope="col" className="py-2 pr-4">
              Kind
            </th>
            <th scope="col" className="py-2 pr-4">
              Result
            </th>
            <th scope="col" className="py-2 pr-4">
              Took
            </th>
            <th scope="col" className="py-2 pr-4">
              File
            </th>
            <th scope="col" className="py-2">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((r) => (
            <tr key={r.id} className="align-top">
              <th scope="row" className="whitespace-nowrap py-2 pr-4 font-normal text-slate-900">
                {formatDateTime(r.finishedAt)}
              </th>
              <td className="whitespace-nowrap py-2 pr-4">
                <Badge tone="neutral">{KIND_LABELS[r.kind]}</Badge>
              </td>
              <td className="py-2 pr-4">
                <RunResult ok={r.ok} />
              </td>
              <td className="whitespace-nowrap py-2 pr-4 text-slate-700">
                {formatDuration({ from: r.startedAt, to: r.finishedAt })}
              </td>
              <td className="py-2 pr-4 text-slate-700">
                {r.file ? <code className="text-xs">{path.basename(r.file)}</code> : "–"}
              </td>
              <td className="max-w-xl whitespace-pre-wrap break-words py-2 text-slate-700">
                {r.detail ?? "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
