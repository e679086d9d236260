"use client";

import { useState } from "react";

// Large reports take seconds to render: start a job, show its progress, then download the
// file. The plain GET …/report.pdf route serves scripts and API users.

type TState =
  | { kind: "idle" }
  | { kind: "running"; progress: number }
  | { kind: "error"; message: string };

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function DownloadReportButton({ assessmentId }: { assessmentId: string }) {
  const [state, setState] = useState<TState>({ kind: "idle" });
  const base = `/api/assessments/${encodeURIComponent(assessmentId)}/report-jobs`;

  async function download() {
    setState({ kind: "running", progress: 0 });
    try {
      const started = await fetch(base, { method: "POST" });
      if (!started.ok)
        throw new Error((await started.json()).error ?? "Could not start the report.");
      const { id, done } = (await started.json()).data as { id: string; done?: boolean };
      // A kept report is ready at once; anything else is polled until rendered.
      while (!done) {
        await wait(400);
        const res = await fetch(`${base}/${id}`, { cache: "no-store" });
        if (!res.ok) throw new Error("The report job was lost; try again.");
        const job = (await res.json()).data as {
          progress: number;
          done: boolean;
          error: string | null;
        };
        if (job.error) throw new Error(job.error);
        setState({ kind: "running", progress: job.progress });
        if (job.done) break;
      }
      // An attachment response: the browser saves it and stays on this page.
      window.location.assign(`${base}/${id}/file`);
      setState({ kind: "idle" });
    } catch (e) {
      setState({ kind: "error", message: e instanceof Error ? e.message : String(e) });
    }
  }

  const pct = state.kind === "running" ? Math.round(state.progress * 100) : 0;
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={download}
        disabled={state.kind === "running"}
        className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        {state.kind === "running" ? "Preparing PDF report…" : "Download PDF report"}
      </button>
      {state.kind === "running" && (
        <div
          role="progressbar"
          aria-label="PDF report progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          className="h-2 w-48 overflow-hidden rounded bg-slate-200"
        >
          <div className="h-full bg-indigo-600 transition-all" style={{ width: `${pct}%` }} />
        </div>
      )}
      {state.kind === "error" && (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      )}
    </div>
  );
}
