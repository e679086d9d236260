"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ComponentProps, useState } from "react";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { VendorTable } from "@/components/vendors/vendor-table";
import { bulkSendAssessmentsAction } from "@/lib/actions/assessments";
import type { TBulkSendResult } from "@/lib/data/bulk-send";
import { type TBulkSend, type TBulkSendInput, ZBulkSend } from "@/lib/schemas/assessment";

type TProps = {
  vendors: ComponentProps<typeof VendorTable>["vendors"];
  questionnaires: { value: string; label: string }[];
  defaultDueDate: string;
};

const skipReason = (s: TBulkSendResult["skipped"][number]) =>
  s.reason === "open_assessment"
    ? `already has an open assessment${s.status ? ` (${s.status.replace(/_/g, " ")})` : ""}`
    : s.reason === "no_contact"
      ? "has no saved contact: add one on its page"
      : "is archived";

/** The vendor list with checkboxes: one due date and message, one assessment per vendor. */
export function VendorBulkSend({ vendors, questionnaires, defaultDueDate }: TProps) {
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [result, setResult] = useState<TBulkSendResult>();
  const { field, message, onSubmit, submitting, setValue, formState } = useActionForm<
    TBulkSendInput,
    TBulkSend,
    TBulkSendResult
  >({
    resolver: zodResolver(ZBulkSend),
    defaultValues: {
      vendorIds: [],
      questionnaire: questionnaires[0]?.value,
      dueDate: defaultDueDate,
      message: "",
    },
    action: (values) => {
      setResult(undefined);
      return bulkSendAssessmentsAction(values);
    },
    afterSuccess: (data) => {
      setResult(data);
      choose(new Set());
      router.refresh();
    },
  });
  const choose = (next: ReadonlySet<string>) => {
    setSelected(next);
    setValue("vendorIds", [...next], { shouldValidate: formState.isSubmitted });
  };
  const pickError = field("vendorIds").error;
  return (
    <div className="space-y-6">
      <VendorTable
        vendors={vendors}
        selection={{
          selected,
          onChange: (ids, on) => {
            const next = new Set(selected);
            for (const id of ids) on ? next.add(id) : next.delete(id);
            choose(next);
          },
        }}
      />
      <ActionForm
        label="Send to the selected vendors"
        message={message}
        onSubmit={onSubmit}
        className="space-y-4 border-t border-slate-200 pt-4"
      >
        <h3 className="text-sm font-semibold text-slate-900">
          Send a questionnaire to the selected vendors
        </h3>
        <p className="text-sm text-slate-700" aria-live="polite">
          {selected.size} selected. Each gets its own assessment with its tier's requirements, sent
          to its first contact; vendors with an open assessment or no contact are skipped.
        </p>
        {pickError && (
          <p className="text-sm text-red-700" role="alert">
            {pickError}
          </p>
        )}
        <SelectField
          id="bulk-questionnaire"
          label="Questionnaire"
          options={questionnaires}
          {...field("questionnaire")}
        />
        <TextField id="bulk-due" label="Due date" type="date" {...field("dueDate")} />
        <TextAreaField
          id="bulk-message"
          label="Personal message (optional)"
          rows={3}
          {...field("message")}
        />
        <SubmitButton pending={submitting} pendingLabel="Sending…">
          Send to selected vendors
        </SubmitButton>
      </ActionForm>
      <div role="status" aria-live="polite">
        {result && <BulkSendReport result={result} />}
      </div>
    </div>
  );
}

function BulkSendReport({ result }: { result: TBulkSendResult }) {
  return (
    <section aria-labelledby="bulk-result" className="space-y-3 text-sm">
      <h3 id="bulk-result" className="font-semibold text-slate-900">
        Sent {result.sent.length}, skipped {result.skipped.length}
      </h3>
      {result.sent.length > 0 && (
        <ul aria-label="Sent" className="space-y-1">
          {result.sent.map((s) => (
            <li key={s.vendorId}>
              <Link className="text-indigo-800 underline" href={`/assessments/${s.assessmentId}`}>
                {s.vendorName}
              </Link>{" "}
              — sent to {s.email}
            </li>
          ))}
        </ul>
      )}
      {result.skipped.length > 0 && (
        <ul aria-label="Skipped" className="space-y-1">
          {result.skipped.map((s) => (
            <li key={s.vendorId}>
              <Link className="text-indigo-800 underline" href={`/vendors/${s.vendorId}`}>
                {s.vendorName}
              </Link>{" "}
              — skipped: {skipReason(s)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
