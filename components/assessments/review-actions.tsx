"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/field";
import { callAction } from "@/components/ui/use-action-form";
import { decideAssessmentAction, requestChangesAction } from "@/lib/actions/assessments";

type TProps = {
  assessmentId: string;
  questions: { id: string; label: string; flagged: boolean }[];
  canReview: boolean;
  canDecide: boolean;
};

export function ReviewActions({ assessmentId, questions, canReview, canDecide }: TProps) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();
  const [selected, setSelected] = useState<Record<string, string>>({});
  const [decisionComment, setDecisionComment] = useState("");
  const [confirmReject, setConfirmReject] = useState(false);

  function run(
    fn: () => Promise<{ error?: string; fieldErrors?: Record<string, string[]> }>,
    done: string,
  ) {
    start(async () => {
      const r = await callAction(fn as never);
      setConfirmReject(false);
      const first = r.fieldErrors ? Object.values(r.fieldErrors)[0]?.[0] : undefined;
      setMessage(
        r.error
          ? { text: first ? `${r.error} ${first}` : r.error, tone: "error" }
          : { text: done, tone: "success" },
      );
      router.refresh();
    });
  }

  const items = Object.entries(selected).map(([questionId, comment]) => ({ questionId, comment }));
  return (
    <div className="space-y-6">
      <FormAlert message={message?.text} tone={message?.tone} />
      {canReview && (
        <fieldset className="space-y-3">
          <legend className="font-semibold">Request changes</legend>
          <p className="text-sm text-slate-600">
            Reopen only the questions that need another answer, each with a comment for the vendor.
          </p>
          <ul className="max-h-80 space-y-2 overflow-y-auto rounded-md p-2 ring-1 ring-slate-200">
            {questions.map((q) => (
              <li key={q.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-1 accent-indigo-700"
                    checked={q.id in selected}
                    onChange={(e) =>
                      setSelected((prev) => {
                        const next = { ...prev };
                        if (e.target.checked) next[q.id] = "";
                        else delete next[q.id];
                        return next;
                      })
                    }
                  />
                  <span>
                    {q.label}
                    {q.flagged && (
                      <span className="ml-1 text-xs font-semibold text-orange-800">(flagged)</span>
                    )}
                  </span>
                </label>
                {q.id in selected && (
                  <label className="mt-1 block pl-6 text-xs font-medium text-slate-700">
                    Comment for the vendor on “{q.label}”
                    <textarea
                      className="mt-1 block w-full rounded-md px-2 py-1 text-sm ring-1 ring-slate-300"
                      rows={2}
                      maxLength={2000}
                      value={selected[q.id]}
                      onChange={(e) => setSelected((prev) => ({ ...prev, [q.id]: e.target.value }))}
                    />
                  </label>
                )}
              </li>
            ))}
          </ul>
          <Button
            variant="secondary"
            disabled={pending || items.length === 0}
            onClick={() =>
              run(
                () => requestChangesAction({ assessmentId, items }),
                "Changes requested: the vendor can edit the reopened questions.",
              )
            }
          >
            Request changes ({items.length})
          </Button>
        </fieldset>
      )}
      {canDecide && (
        <fieldset className="space-y-3">
          <legend className="font-semibold">Decision</legend>
          <label className="block text-sm font-medium">
            Comment (optional)
            <textarea
              className="mt-1 block w-full rounded-md px-2 py-1 text-sm ring-1 ring-slate-300"
              rows={2}
              maxLength={2000}
              value={decisionComment}
              onChange={(e) => setDecisionComment(e.target.value)}
            />
          </label>
          <div className="flex gap-2">
            <Button
              disabled={pending}
              onClick={() =>
                run(
                  () =>
                    decideAssessmentAction({
                      assessmentId,
                      decision: "accept",
                      comment: decisionComment,
                    }),
                  "Assessment accepted.",
                )
              }
            >
              Accept
            </Button>
            <Button variant="danger" disabled={pending} onClick={() => setConfirmReject(true)}>
              Reject…
            </Button>
          </div>
          <ConfirmDialog
            open={confirmReject}
            title="Reject this assessment?"
            confirmLabel="Yes, reject it"
            cancelLabel="Keep it under review"
            pending={pending}
            onCancel={() => setConfirmReject(false)}
            onConfirm={() =>
              run(
                () =>
                  decideAssessmentAction({
                    assessmentId,
                    decision: "reject",
                    comment: decisionComment,
                  }),
                "Assessment rejected.",
              )
            }
          >
            <p>
              The vendor is told the assessment was rejected (your comment stays internal). The
              decision is final and recorded in the audit log; the vendor's next reassessment is
              scheduled from today.
            </p>
          </ConfirmDialog>
        </fieldset>
      )}
    </div>
  );
}
