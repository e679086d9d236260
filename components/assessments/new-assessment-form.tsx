"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createAssessmentAction } from "@/lib/actions/assessments";
import {
  type TCreateAssessment,
  type TCreateAssessmentInput,
  ZCreateAssessment,
} from "@/lib/schemas/assessment";

type TDefaults = {
  rto_minutes: number | null;
  rpo_minutes: number | null;
  min_separation_km: number | null;
  max_test_age_months: number | null;
};

type TProps = {
  vendorId: string;
  tier: "critical" | "high" | "moderate" | "low";
  tierDefaults: Record<string, TDefaults>;
  questionnaires: { value: string; label: string }[];
  contacts: { name: string; email: string }[];
  previous?: { id: string; label: string };
  defaultDueDate: string;
};

/** The numeric requirements, each with its tier default as the hint. */
const LIMITS = [
  { key: "rto_minutes", id: "a-rto", label: "Maximum RTO (minutes)", unit: "min" },
  { key: "rpo_minutes", id: "a-rpo", label: "Maximum RPO (minutes)", unit: "min" },
  { key: "min_separation_km", id: "a-sep", label: "Minimum site separation (km)", unit: "km" },
  { key: "max_test_age_months", id: "a-age", label: "Maximum test age (months)", unit: "months" },
] as const satisfies readonly { key: keyof TDefaults; id: string; label: string; unit: string }[];

const hint = (v: number | null, unit: string) =>
  v === null
    ? "No default for this tier: leave empty for none"
    : `Leave empty for the tier default: ${v} ${unit}`;

export function NewAssessmentForm(p: TProps) {
  const router = useRouter();
  const first = p.contacts[0];
  const { field, message, onSubmit, submitting, register, watch } = useActionForm<
    TCreateAssessmentInput,
    TCreateAssessment,
    { id: string }
  >({
    resolver: zodResolver(ZCreateAssessment),
    defaultValues: {
      vendorId: p.vendorId,
      questionnaire: p.questionnaires[0]?.value,
      requirements: { tier: p.tier },
      dueDate: p.defaultDueDate,
      contactEmail: first?.email ?? "",
      contactName: first?.name ?? "",
      previousAssessmentId: "",
    },
    action: createAssessmentAction,
    afterSuccess: (data) => router.push(`/assessments/${data.id}?sent=1`),
  });
  const d = p.tierDefaults[watch("requirements.tier") ?? p.tier];

  return (
    <ActionForm label="Send a questionnaire" message={message} onSubmit={onSubmit}>
      <input type="hidden" {...register("vendorId")} />
      <SelectField
        id="a-questionnaire"
        label="Questionnaire"
        options={p.questionnaires}
        {...field("questionnaire")}
      />
      <fieldset className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
        <legend className="px-1 text-sm font-semibold">Requirements</legend>
        <SelectField
          id="a-tier"
          label="Tier (sets the defaults)"
          options={["critical", "high", "moderate", "low"].map((t) => ({
            value: t,
            label: t[0]!.toUpperCase() + t.slice(1),
          }))}
          {...field("requirements.tier")}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          {LIMITS.map((l) => (
            <TextField
              key={l.key}
              id={l.id}
              label={l.label}
              inputMode="numeric"
              hint={hint(d?.[l.key] ?? null, l.unit)}
              {...field(`requirements.${l.key}`)}
            />
          ))}
        </div>
        <TextField
          id="a-countries"
          label="Allowed countries (optional)"
          hint="Two-letter codes separated by commas, e.g. DE, IE, NL. Empty: any country."
          {...field("requirements.allowed_countries")}
        />
      </fieldset>
      <TextField id="a-due" label="Due date" type="date" {...field("dueDate")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="a-contact-name" label="Vendor contact name" {...field("contactName")} />
        <TextField
          id="a-contact-email"
          label="Vendor contact email"
          type="email"
          {...field("contactEmail")}
        />
      </div>
      {p.previous && (
        <SelectField
          id="a-previous"
          label="Start from"
          options={[
            { value: "", label: "A blank questionnaire" },
            {
              value: p.previous.id,
              label: `Last submitted answers (${p.previous.label}) — a reassessment`,
            },
          ]}
          {...register("previousAssessmentId")}
        />
      )}
      <TextAreaField
        id="a-message"
        label="Personal message (optional)"
        rows={3}
        {...field("message")}
      />
      <SubmitButton pending={submitting} pendingLabel="Sending…">
        Send questionnaire
      </SubmitButton>
    </ActionForm>
  );
}
