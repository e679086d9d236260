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
  min_immutable_retention_days: number | null;
  max_notification_hours: number | null;
  min_power_autonomy_hours: number | null;
  min_failover_staff_count: number | null;
  plan_must_cover: readonly string[];
};

type TProps = {
  vendorId: string;
  tier: "critical" | "high" | "moderate" | "low";
  tierDefaults: Record<string, TDefaults>;
  questionnaires: { value: string; label: string }[];
  contacts: { name: string; email: string }[];
  previous?: { id: string; label: string };
  /** The vendor's open assessment, if any: sending another needs a confirmation. */
  open?: { id: string; status: string; due: string | null };
  defaultDueDate: string;
};

/** The numeric requirements, each with its tier default as the hint. */
const LIMITS = [
  { key: "rto_minutes", id: "a-rto", label: "Maximum RTO (minutes)", unit: "min" },
  { key: "rpo_minutes", id: "a-rpo", label: "Maximum RPO (minutes)", unit: "min" },
  { key: "min_separation_km", id: "a-sep", label: "Minimum site separation (km)", unit: "km" },
  { key: "max_test_age_months", id: "a-age", label: "Maximum test age (months)", unit: "months" },
  {
    key: "min_immutable_retention_days",
    id: "a-retention",
    label: "Minimum life of immutable or offline copies (days)",
    unit: "days",
  },
  {
    key: "max_notification_hours",
    id: "a-notice",
    label: "Maximum delay before customers hear of an incident (hours)",
    unit: "hours",
  },
  {
    key: "min_power_autonomy_hours",
    id: "a-power",
    label: "Minimum run time on site power, grid down (hours)",
    unit: "hours",
  },
  {
    key: "min_failover_staff_count",
    id: "a-staff",
    label: "Minimum people able to lead failover and restore",
    unit: "people",
  },
] as const satisfies readonly { key: keyof TDefaults; id: string; label: string; unit: string }[];

/** The options of plan_covers, in the questionnaire's words. */
const SCENARIOS = [
  { value: "site_loss", label: "Loss of a site" },
  { value: "region_loss", label: "Loss of a whole region" },
  { value: "ransomware", label: "Ransomware or destructive attack" },
  { value: "provider_failure", label: "Failure of a hosting or cloud provider" },
  { value: "data_corruption", label: "Data corruption or mistaken deletion" },
  { value: "staff_loss", label: "Loss of key staff" },
] as const;

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
      requirements: { tier: p.tier, plan_scope: "default", plan_must_cover: [] },
      dueDate: p.defaultDueDate,
      contactEmail: first?.email ?? "",
      contactName: first?.name ?? "",
      // A reassessment starts from the last submitted answers unless the sender picks blank.
      previousAssessmentId: p.previous?.id ?? "",
    },
    action: createAssessmentAction,
    afterSuccess: (data) => router.push(`/assessments/${data.id}?sent=1`),
  });
  const d = p.tierDefaults[watch("requirements.tier") ?? p.tier];
  const customScope = watch("requirements.plan_scope") === "custom";
  const scopeError = field("requirements.plan_must_cover").error;
  const tierScenarios = SCENARIOS.filter((s) => d?.plan_must_cover.includes(s.value))
    .map((s) => s.label.toLowerCase())
    .join(", ");
  const confirmError = field("confirmSecondOpen").error;

  return (
    <ActionForm label="Send a questionnaire" message={message} onSubmit={onSubmit}>
      <input type="hidden" {...register("vendorId")} />
      {p.open && (
        <fieldset className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <legend className="float-left w-full font-semibold">
            This vendor already has an open assessment
          </legend>
          <p>
            <a className="text-indigo-700 underline" href={`/assessments/${p.open.id}`}>
              Open assessment ({p.open.status.replace(/_/g, " ")}
              {p.open.due ? `, due ${p.open.due}` : ""})
            </a>
            . Follow up on it, or send a second questionnaire alongside it.
          </p>
          <label className="flex items-start gap-2">
            <input
              id="a-confirm-second"
              type="checkbox"
              className="mt-0.5"
              aria-invalid={confirmError ? true : undefined}
              aria-describedby={confirmError ? "a-confirm-second-error" : undefined}
              {...register("confirmSecondOpen")}
            />
            <span>Send a second questionnaire anyway</span>
          </label>
          {confirmError && (
            <p id="a-confirm-second-error" className="text-sm text-red-700" role="alert">
              {confirmError}
            </p>
          )}
        </fieldset>
      )}
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
        <fieldset className="space-y-2" aria-describedby={scopeError ? "a-scope-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">
            Scenarios the vendor's plan must cover
          </legend>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              value="default"
              className="mt-0.5"
              {...register("requirements.plan_scope")}
            />
            <span>The tier default: {tierScenarios || "none"}</span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              value="custom"
              className="mt-0.5"
              {...register("requirements.plan_scope")}
            />
            <span>Only the scenarios ticked below (none ticked: no scenario is required)</span>
          </label>
          <div className="grid gap-1 pl-6 sm:grid-cols-2">
            {SCENARIOS.map((s) => (
              <label
                key={s.value}
                className={`flex items-start gap-2 text-sm ${customScope ? "" : "text-slate-500"}`}
              >
                <input
                  type="checkbox"
                  value={s.value}
                  className="mt-0.5"
                  disabled={!customScope}
                  {...register("requirements.plan_must_cover")}
                />
                <span>{s.label}</span>
              </label>
            ))}
          </div>
          {scopeError && (
            <p id="a-scope-error" className="text-sm text-red-700" role="alert">
              {scopeError}
            </p>
          )}
        </fieldset>
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
              label: `Last submitted answers (${p.previous.label}), for the vendor to confirm or change`,
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
