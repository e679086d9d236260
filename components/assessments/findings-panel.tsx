"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormAlert, TextAreaField, TextField } from "@/components/ui/field";
import { callAction } from "@/components/ui/use-action-form";
import { acceptRiskAction, setFindingStatusAction } from "@/lib/actions/assessments";
import type { ZAcceptRisk, ZFindingStatus } from "@/lib/schemas/assessment";
import { RaiseFindingForm, type TFlagChoice } from "./raise-finding-form";

// The forms below send what the browser holds; the action's schema checks it on the server.
type TAcceptRiskInput = z.input<typeof ZAcceptRisk>;
type TFindingStatusInput = z.input<typeof ZFindingStatus>;

type TFinding = {
  id: string;
  title: string;
  description: string;
  severity: string;
  status: string;
  dueDate: string | null;
  owner: string | null;
  riskJustification: string | null;
  riskAcceptedUntil: string | null;
  /** Who accepted the risk, and on which day (YYYY-MM-DD). */
  riskAcceptedBy: string | null;
  riskAcceptedOn: string | null;
};
type TProps = {
  assessmentId: string;
  findings: TFinding[];
  flags: TFlagChoice[];
  owners: { value: string; label: string }[];
  canWrite: boolean;
  canAcceptRisk: boolean;
  /** The latest expiry the organisation allows for a risk acceptance made today (YYYY-MM-DD). */
  riskAcceptLatest: string;
};

const STATUSES = [
  { value: "open", label: "Open" },
  { value: "in_progress", label: "Remediation in progress" },
  { value: "remediated", label: "Remediated" },
  { value: "closed", label: "Closed" },
];

export function FindingsPanel({
  assessmentId,
  findings,
  flags,
  owners,
  canWrite,
  canAcceptRisk,
  riskAcceptLatest,
}: TProps) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  function run(
    fn: () => Promise<{ error?: string; fieldErrors?: Record<string, string[]> }>,
    done: string,
    form?: HTMLFormElement,
  ) {
    start(async () => {
      const r = await callAction(fn as never);
      setFieldErrors(r.fieldErrors ?? {});
      setMessage(r.error ? { text: r.error, tone: "error" } : { text: done, tone: "success" });
      if (!r.error) form?.reset();
      router.refresh();
    });
  }

  return (
    <div className="space-y-5">
      <FormAlert message={message?.text} tone={message?.tone} />
      {findings.length === 0 && <p className="text-sm text-slate-600">No findings raised.</p>}
      <ul className="space-y-3">
        {findings.map((f) => (
          <li key={f.id} className="rounded-md p-3 ring-1 ring-slate-200">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={f.severity}>{f.severity}</Badge>
              <span className="font-medium">{f.title}</span>
              <Badge tone="neutral">{f.status.replace("_", " ")}</Badge>
            </div>
            <p className="mt-1 text-sm text-slate-700">{f.description}</p>
            <p className="mt-1 text-xs text-slate-600">
              Owner: {f.owner ?? "—"} · due {f.dueDate ?? "—"}
            </p>
            {f.riskJustification && <RiskAcceptance finding={f} />}
            <div className="mt-2 flex flex-wrap items-end gap-3">
              {canWrite && f.status !== "risk_accepted" && (
                <label className="text-xs font-medium">
                  Remediation status
                  <select
                    className="mt-1 block rounded-md py-1 text-sm ring-1 ring-slate-300"
                    value={f.status}
                    disabled={pending}
                    onChange={(e) =>
                      run(
                        () =>
                          setFindingStatusAction({
                            findingId: f.id,
                            status: e.target.value as TFindingStatusInput["status"],
                          }),
                        "Status updated.",
                      )
                    }
                  >
                    {STATUSES.map((s) => (
                      <option key={s.value} value={s.value}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {canAcceptRisk && f.status !== "risk_accepted" && f.status !== "closed" && (
                <details className="text-sm">
                  <summary className="cursor-pointer font-medium text-indigo-800">
                    Accept this risk
                  </summary>
                  <form
                    className="mt-2 space-y-2"
                    aria-label={`Accept risk: ${f.title}`}
                    onSubmit={(e) => {
                      e.preventDefault();
                      const d = Object.fromEntries(new FormData(e.currentTarget));
                      run(
                        () => acceptRiskAction({ findingId: f.id, ...d } as TAcceptRiskInput),
                        "Risk accepted.",
                        e.currentTarget,
                      );
                    }}
                  >
                    <TextAreaField
                      id={`j-${f.id}`}
                      name="justification"
                      label="Justification"
                      rows={2}
                      error={fieldErrors.justification?.[0]}
                    />
                    <TextField
                      id={`u-${f.id}`}
                      name="until"
                      type="date"
                      label="Acceptance expires on"
                      hint={`At the latest ${riskAcceptLatest} (your organisation's limit).`}
                      error={fieldErrors.until?.[0]}
                    />
                    <Button type="submit" variant="secondary" disabled={pending}>
                      Accept risk
                    </Button>
                  </form>
                </details>
              )}
            </div>
          </li>
        ))}
      </ul>
      {canWrite && (
        <RaiseFindingForm
          assessmentId={assessmentId}
          flags={flags}
          owners={owners}
          pending={pending}
          fieldErrors={fieldErrors}
          run={run}
        />
      )}
    </div>
  );
}

/** Who accepted the risk, until when and why; once it expired (the finding is open again), when. */
function RiskAcceptance({ finding: f }: { finding: TFinding }) {
  const active = f.status === "risk_accepted";
  return (
    <div className="mt-1 text-sm text-slate-700">
      <p>
        {active ? "Risk accepted until" : "Risk acceptance expired on"} {f.riskAcceptedUntil}:{" "}
        {f.riskJustification}
      </p>
      <p className="text-xs text-slate-600">
        Accepted by {f.riskAcceptedBy ?? "a former user"}
        {f.riskAcceptedOn ? ` on ${f.riskAcceptedOn}` : ""}
      </p>
    </div>
  );
}
