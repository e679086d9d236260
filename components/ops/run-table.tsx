import path from "node:path";
import { Badge } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import type { TOpsOverview } from "@/lib/data/ops";
import { RunResult } from "./ops-status";
import { formatDateTime, formatDuration } from "./when";

const KIND_LABELS = { backup: "Backup", drill: "Restore drill" } as const;

export function RunTable({ runs }: { runs: TOpsOverview["runs"] }) {
  return (
    <Table
      caption="Recent backup and restore drill runs, newest first"
      empty="No runs recorded yet."
      rows={runs}
      rowKey={(r) => r.id}
      columns={[
        {
          header: "Finished",
          rowHeader: true,
          className: "whitespace-nowrap",
          cell: (r) => formatDateTime(r.finishedAt),
        },
        {
          header: "Kind",
          className: "whitespace-nowrap",
          cell: (r) => <Badge tone="neutral">{KIND_LABELS[r.kind]}</Badge>,
        },
        {
          header: "Result",
          cell: (r) => (r.running ? <Badge tone="info">Running</Badge> : <RunResult ok={r.ok} />),
        },
        {
          header: "Took",
          className: "whitespace-nowrap text-slate-700",
          cell: (r) => (r.running ? "–" : formatDuration({ from: r.startedAt, to: r.finishedAt })),
        },
        {
          header: "File",
          className: "text-slate-700",
          cell: (r) => (r.file ? <code className="text-xs">{path.basename(r.file)}</code> : "–"),
        },
        {
          header: "Details",
          className: "max-w-xl whitespace-pre-wrap break-words text-slate-700",
          cell: (r) => r.detail ?? "–",
        },
      ]}
    />
  );
}
