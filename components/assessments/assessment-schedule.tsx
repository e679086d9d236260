"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import {
  applyServerErrors,
  callAction,
  fieldProps,
  type TFormMessage,
  useActionForm,
} from "@/components/ui/use-action-form";
import { cancelAssessmentAction, editDueDateAction } from "@/lib/actions/assessments";
import {
  type TCancelAssessment,
  type TEditDueDate,
  ZCancelAssessment,
  ZEditDueDate,
} from "@/lib/schemas/assessment";

type TProps = {
  assessmentId: string;
  vendorName: string;
  /** YYYY-MM-DD, or null when none was set. */
  dueDate: string | null;
  /** The vendor is still answering: the due date can move. */
  canEditDueDate: boolean;
};

/** Procurement's changes to a sent assessment: move its due date, or cancel it. */
export function AssessmentSchedule({ assessmentId, vendorName, dueDate, canEditDueDate }: TProps) {
  return (
    <div className="space-y-6">
      {canEditDueDate && <DueDateForm assessmentId={assessmentId} dueDate={dueDate} />}
      <CancelForm assessmentId={assessmentId} vendorName={vendorName} />
    </div>
  );
}

function DueDateForm({ assessmentId, dueDate }: { assessmentId: string; dueDate: string | null }) {
  const router = useRouter();
  const { field, message, onSubmit, submitting } = useActionForm<
    z.input<typeof ZEditDueDate>,
    TEditDueDate
  >({
    resolver: zodResolver(ZEditDueDate),
    defaultValues: { assessmentId, dueDate: dueDate ?? "" },
    action: editDueDateAction,
    successMessage: (v) =>
      `The due date is now ${v.dueDate}. Reminders will go out for the new date.`,
    afterSuccess: () => router.refresh(),
  });
  return (
    <ActionForm label="Edit due date" message={message} onSubmit={onSubmit}>
      <TextField
        id="schedule-due"
        type="date"
        label="Due date"
        hint="The vendor's reminders follow the new date: one before it, one if it passes."
        {...field("dueDate")}
      />
      <SubmitButton variant="secondary" pending={submitting} pendingLabel="Saving…">
        Change due date
      </SubmitButton>
    </ActionForm>
  );
}

function CancelForm({ assessmentId, vendorName }: { assessmentId: string; vendorName: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<TFormMessage>();
  const [pending, setPending] = useState(false);
  const [checked, setChecked] = useState<TCancelAssessment>();
  const form = useForm<z.input<typeof ZCancelAssessment>, unknown, TCancelAssessment>({
    resolver: zodResolver(ZCancelAssessment),
    defaultValues: { assessmentId, reason: "" },
  });
  const field = fieldProps(form);

  // The reason is checked first; only then is the consequence spelled out for confirmation.
  const ask = form.handleSubmit((values) => {
    setMessage(undefined);
    setChecked(values);
  });

  async function confirm() {
    if (!checked) return;
    setPending(true);
    const result = await callAction(() => cancelAssessmentAction(checked));
    setPending(false);
    setChecked(undefined);
    const error = applyServerErrors(result, form.setError);
    if (error) return setMessage({ text: error, tone: "error" });
    setMessage({
      text: "The assessment was cancelled. Its vendor links no longer work.",
      tone: "success",
    });
    router.refresh();
  }

  return (
    <>
      <ActionForm label="Cancel assessment" message={message} onSubmit={ask}>
        <TextAreaField
          id="schedule-cancel-reason"
          label="Reason for cancelling"
          rows={2}
          hint="Kept in the audit log and shown on this page."
          {...field("reason")}
        />
        <Button type="submit" variant="danger" disabled={pending}>
          Cancel assessment…
        </Button>
      </ActionForm>
      <ConfirmDialog
        open={checked !== undefined}
        title="Cancel this assessment?"
        confirmLabel={pending ? "Cancelling…" : "Yes, cancel it"}
        cancelLabel="Keep the assessment"
        pending={pending}
        onConfirm={confirm}
        onCancel={() => setChecked(undefined)}
      >
        The vendor's links will stop working: {vendorName} will be told the questionnaire was
        cancelled and whom to ask. Reminders stop, and the assessment leaves the due and overdue
        lists. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
