"use client";

import type { TSaveState } from "./autosave";

/** Per-question acknowledgement: people must see that what they typed is safe. */
export function SaveStatus({ state }: { state: TSaveState | undefined }) {
  if (!state || state.kind === "idle") return null;
  const text: Record<string, [string, string]> = {
    pending: ["Not saved yet…", "text-slate-600"],
    saving: ["Saving…", "text-slate-600"],
    saved: ["Saved", "text-emerald-700"],
    offline: [
      "Offline: kept in this browser, will be sent when the connection returns",
      "text-amber-800",
    ],
  };
  const entry = text[state.kind];
  if (!entry) return null;
  return (
    <span className={`text-xs font-medium ${entry[1]}`} data-save-state={state.kind}>
      {entry[0]}
    </span>
  );
}
