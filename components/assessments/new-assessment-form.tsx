"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import {
  PlanScopeFields,
  REQUIREMENT_LIMITS,
  requirementHint,
} from "@/components/assessments/requirement-fields";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createAssessmentAction } from "@/lib/actions/assessments";
import {
  type TCreateAssessment,
  type TCreateAssessmentInput,
  ZCreateAssessment,
} from "@/lib/schemas/assessment";
import type { TThresholdSource } from "@/lib/scoring/tiers";

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
  /** Which of them the organisation's policy sets (the rest are the tier's defaults). */
  sources?: Partial<Record<string, TThresholdSource>>;
};

type TProps = {
  vendorId: string;
  tier: "critical" | "high" | "moderate" | "low";
  tierDefaults: Record<string, TDefaults>;
  questionnaires: { value: string; label: string }[];
  /** The vendor's saved contacts, the primary (first added) first. */
  contacts: { id: string; name: string; email: string }[];
  previous?: { id: string; label: string };
  /** The vendor's open assessment, if any: sending another needs a confirmation. */
  open?: { id: string; status: string; due: string | null };
  defaultDueDate: string;
};

export function NewAssessmentForm(p: TProps) {
  const router = useRouter();
  const first = p.contacts[0];
  const { field, message, onSubmit, submitting, register, watch, setValue } = useActionForm<
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
      contactId: first?.id ?? "",
      contactEmail: "",
      contactName: "",
      // A reassessment starts from the last submitted answers unless the sender picks blank.
      previousAssessmentId: p.previous?.id ?? "",
    },
    action: createAssessmentAction,
    afterSuccess: (data) => router.push(`/assessments/${data.id}?sent=1`),
  });
  const d = p.tierDefaults[watch("requirements.tier") ?? p.tier];
  const customScope = watch("requirements.plan_scope") === "custom";
  const confirmError = field("confirmSecondOpen").error;
  const contactChoice = register("contactId");
  const typingContact = !watch("contactId");

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
          {REQUIREMENT_LIMITS.map((l) => (
            <TextField
              key={l.key}
              id={`a-${l.id}`}
              label={l.label}
              inputMode="numeric"
              hint={requirementHint(d?.[l.key], l.unit, d?.sources?.[l.key])}
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
        <PlanScopeFields
          idPrefix="a"
          legend="Scenarios the vendor's plan must cover"
          tierScenarios={d?.plan_must_cover ?? []}
          from={d?.sources?.plan_must_cover}
          custom={customScope}
          scope={register("requirements.plan_scope")}
          list={register("requirements.plan_must_cover")}
          error={field("requirements.plan_must_cover").error}
        />
      </fieldset>
      <TextField id="a-due" label="Due date" type="date" {...field("dueDate")} />
      {p.contacts.length > 0 && (
        <SelectField
          id="a-contact"
          label="Send to"
          options={[
            ...p.contacts.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` })),
            { value: "", label: "Someone else: add a new contact" },
          ]}
          {...field("contactId")}
          onChange={(e) => {
            // A typed contact left behind would still be checked: picking a saved one clears it.
            if (e.target.value) {
              setValue("contactName", "");
              setValue("contactEmail", "");
            }
            return contactChoice.onChange(e);
          }}
        />
      )}
      {typingContact && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            id="a-contact-name"
            label="Vendor contact name"
            hint="Saved to this vendor's contacts"
            {...field("contactName")}
          />
          <TextField
            id="a-contact-email"
            label="Vendor contact email"
            type="email"
            {...field("contactEmail")}
          />
        </div>
      )}
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
