"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { applyServerErrors, callAction } from "@/components/ui/use-action-form";
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

const hint = (v: number | null, unit: string) =>
  v === null
    ? "No default for this tier: leave empty for none"
    : `Leave empty for the tier default: ${v} ${unit}`;

export function NewAssessmentForm(p: TProps) {
  const router = useRouter();
  const [message, setMessage] = useState<string>();
  const first = p.contacts[0];
  const {
    register,
    handleSubmit,
    watch,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TCreateAssessmentInput, unknown, TCreateAssessment>({
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
  });
  const d = p.tierDefaults[watch("requirements.tier") ?? p.tier];
  const e = errors.requirements;

  async function onSubmit(values: TCreateAssessment) {
    setMessage(undefined);
    const result = await callAction(() => createAssessmentAction(values));
    const error = applyServerErrors(result, setError);
    if (error) return setMessage(error);
    router.push(`/assessments/${result.data?.id}?sent=1`);
  }

  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="space-y-4"
      aria-label="Send a questionnaire"
    >
      <FormAlert message={message} />
      <input type="hidden" {...register("vendorId")} />
      <SelectField
        id="a-questionnaire"
        label="Questionnaire"
        options={p.questionnaires}
        error={errors.questionnaire?.message}
        {...register("questionnaire")}
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
          error={e?.tier?.message}
          {...register("requirements.tier")}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            id="a-rto"
            label="Maximum RTO (minutes)"
            inputMode="numeric"
            hint={hint(d?.rto_minutes ?? null, "min")}
            error={e?.rto_minutes?.message}
            {...register("requirements.rto_minutes")}
          />
          <TextField
            id="a-rpo"
            label="Maximum RPO (minutes)"
            inputMode="numeric"
            hint={hint(d?.rpo_minutes ?? null, "min")}
            error={e?.rpo_minutes?.message}
            {...register("requirements.rpo_minutes")}
          />
          <TextField
            id="a-sep"
            label="Minimum site separation (km)"
            inputMode="numeric"
            hint={hint(d?.min_separation_km ?? null, "km")}
            error={e?.min_separation_km?.message}
            {...register("requirements.min_separation_km")}
          />
          <TextField
            id="a-age"
            label="Maximum test age (months)"
            inputMode="numeric"
            hint={hint(d?.max_test_age_months ?? null, "months")}
            error={e?.max_test_age_months?.message}
            {...register("requirements.max_test_age_months")}
          />
        </div>
        <TextField
          id="a-countries"
          label="Allowed countries (optional)"
          hint="Two-letter codes separated by commas, e.g. DE, IE, NL. Empty: any country."
          error={e?.allowed_countries?.message}
          {...register("requirements.allowed_countries")}
        />
      </fieldset>
      <TextField
        id="a-due"
        label="Due date"
        type="date"
        error={errors.dueDate?.message}
        {...register("dueDate")}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id="a-contact-name"
          label="Vendor contact name"
          error={errors.contactName?.message}
          {...register("contactName")}
        />
        <TextField
          id="a-contact-email"
          label="Vendor contact email"
          type="email"
          error={errors.contactEmail?.message}
          {...register("contactEmail")}
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
        error={errors.message?.message}
        {...register("message")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Send questionnaire"}
      </Button>
    </form>
  );
}
