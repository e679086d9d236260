"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/card";
import { callAction, type TFormMessage } from "@/components/ui/use-action-form";
import { startDrillAction } from "@/lib/actions/ops";

export type TDrillView = {
  running: boolean;
  ok: boolean;
  startedAt: string;
  finishedAt: string;
  detail: string | null;
  steps: string[];
};

const POLL_MS = 2_000;

/** Starts a drill, follows it while it runs (the page refreshes), and shows the kept result. */
export function DrillPanel({ latest }: { latest: TDrillView | null }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<TFormMessage>();
  const running = latest?.running ?? false;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, router]);

  async function start(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    const result = await callAction(() => startDrillAction({}));
    setPending(false);
    if (result.error) setMessage({ text: result.error, tone: "error" });
    else {
      setMessage({
        text: result.data?.started
          ? "Restore drill started."
          : "A restore drill is already running; it was not started again.",
        tone: "success",
      });
      router.refresh();
    }
  }

  return (
    <div className="space-y-4 text-sm">
      <ActionForm
        label="Run a restore drill"
        message={message}
        onSubmit={start}
        className="space-y-3"
      >
        <p className="text-slate-700">
          Backs up the live data, restores it into a scratch database, compares it, boots the app on
          the copy and signs in, then cleans up (a few minutes). One drill runs at a time across all
          instances.
        </p>
        <SubmitButton
          pending={pending || running}
          pendingLabel={running ? "Drill running…" : "Starting…"}
        >
          Run a restore drill now
        </SubmitButton>
      </ActionForm>
      {latest ? (
        <LatestDrill drill={latest} />
      ) : (
        <p className="text-slate-700">No drill has run yet.</p>
      )}
    </div>
  );
}

function LatestDrill({ drill }: { drill: TDrillView }) {
  const status = drill.running ? "Running" : drill.ok ? "Passed" : "Failed";
  const tone = drill.running ? "info" : drill.ok ? "low" : "critical";
  return (
    <section aria-labelledby="latest-drill-title" className="rounded-md p-3 ring-1 ring-slate-200">
      <h3 id="latest-drill-title" className="flex items-center gap-2 font-semibold text-slate-900">
        Latest restore drill <Badge tone={tone}>{status}</Badge>
      </h3>
      <p className="mt-1 text-slate-700">
        Started {drill.startedAt.slice(0, 16).replace("T", " ")} UTC
        {drill.running ? "" : `, finished ${drill.finishedAt.slice(0, 16).replace("T", " ")} UTC`}
      </p>
      <div aria-live="polite" className="mt-2 space-y-2">
        {drill.steps.length > 0 && (
          <ol aria-label="Drill steps" className="list-decimal space-y-1 pl-5 text-slate-800">
            {drill.steps.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps only grow, in order
              <li key={i} className="break-words">
                {s}
              </li>
            ))}
          </ol>
        )}
        {drill.detail && (
          <p className="whitespace-pre-wrap break-words text-slate-900">
            {drill.running ? `Now: ${drill.detail}` : drill.detail}
          </p>
        )}
      </div>
    </section>
  );
}
