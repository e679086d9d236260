"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useFieldArray } from "react-hook-form";
import {
  PlanScopeFields,
  REQUIREMENT_LIMITS,
  requirementHint,
} from "@/components/assessments/requirement-fields";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { applyServerErrors, callAction, useActionForm } from "@/components/ui/use-action-form";
import { previewPolicyAction, savePolicyAction } from "@/lib/actions/policy";
import { flagOptions } from "@/lib/rules/flag-titles";
import { TIERS } from "@/lib/rules/types";
import { CAP_SEVERITIES, type TPolicyFormInput, ZPolicyForm } from "@/lib/schemas/policy";
import type { TOrgPolicy } from "@/lib/scoring/policy";
import { TIER_DEFAULTS } from "@/lib/scoring/tiers";

const FLAGS = flagOptions();
const SEVERITIES = CAP_SEVERITIES.map((s) => ({
  value: s,
  label: s === "info" ? "info (shown, not rated)" : s,
}));

/** The organisation's policy: per-tier requirements with their reason, and severity caps. */
export function PolicyForm({ initial }: { initial: TPolicyFormInput }) {
  const router = useRouter();
  const [note, setNote] = useState<string>();
  const raw = useRef<() => TPolicyFormInput>(() => initial);
  const form = useActionForm<TPolicyFormInput, TOrgPolicy, { version: number; affected: number }>({
    resolver: zodResolver(ZPolicyForm),
    defaultValues: initial,
    // The server parses the form's own values (the checked output is the stored policy's
    // shape, which the form schema does not take again).
    action: () => savePolicyAction(raw.current()),
    afterSuccess: ({ version, affected }) => {
      setNote(
        `Saved as version ${version}. ${affected} open assessment${affected === 1 ? "" : "s"} will be judged against it when submitted.`,
      );
      router.refresh();
    },
  });
  const { field, message, onSubmit, submitting, control, register, watch } = form;
  raw.current = () => form.getValues();
  const caps = useFieldArray({ control, name: "downgrades" });

  const preview = form.handleSubmit(async () => {
    setNote(undefined);
    const r = await callAction(() => previewPolicyAction(raw.current()));
    const error = applyServerErrors(r, form.setError);
    if (error) return setNote(error);
    const { open, affected } = r.data!;
    setNote(
      `Of ${open} open assessment${open === 1 ? "" : "s"}, ${affected} would be judged against different requirements when submitted.`,
    );
  });

  return (
    <ActionForm label="Organisation policy" message={message} onSubmit={onSubmit}>
      {TIERS.map((tier) => {
        const d = TIER_DEFAULTS[tier];
        return (
          <fieldset key={tier} className="rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold capitalize">{tier} tier</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {REQUIREMENT_LIMITS.map((l) => (
                <TextField
                  key={l.key}
                  id={`p-${tier}-${l.id}`}
                  label={l.label}
                  inputMode="numeric"
                  hint={requirementHint(d[l.key], l.unit)}
                  {...field(`tiers.${tier}.${l.key}`)}
                />
              ))}
            </div>
            <PlanScopeFields
              idPrefix={`p-${tier}`}
              legend="Scenarios the plan must cover"
              tierScenarios={d.plan_must_cover}
              custom={watch(`tiers.${tier}.plan_scope`) === "custom"}
              scope={register(`tiers.${tier}.plan_scope`)}
              list={register(`tiers.${tier}.plan_must_cover`)}
              error={field(`tiers.${tier}.plan_must_cover`).error}
            />
            <TextField
              id={`p-${tier}-countries`}
              label="Allowed countries"
              hint="Two-letter codes separated by commas, e.g. DE, IE. Empty: any country (unless the assessment names its own)."
              {...field(`tiers.${tier}.allowed_countries`)}
            />
            <TextField
              id={`p-${tier}-reason`}
              label="Why (shown beside the flags it changes)"
              {...field(`tiers.${tier}.reason`)}
            />
          </fieldset>
        );
      })}
      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">Severity caps</legend>
        <p className="mb-2 text-xs text-slate-600">
          A capped flag is never hidden: it shows at the cap (or as info) with your reason.
        </p>
        {caps.fields.length === 0 && <p className="text-sm text-slate-600">No caps.</p>}
        <ul className="space-y-3">
          {caps.fields.map((cap, i) => (
            <li key={cap.id} className="grid gap-2 rounded bg-slate-50 p-2 sm:grid-cols-2">
              <SelectField
                id={`cap-${i}-code`}
                label={`Cap ${i + 1}: flag`}
                options={FLAGS}
                {...field(`downgrades.${i}.code`)}
              />
              <SelectField
                id={`cap-${i}-severity`}
                label={`Cap ${i + 1}: highest severity`}
                options={SEVERITIES}
                {...field(`downgrades.${i}.severity`)}
              />
              <TextField
                id={`cap-${i}-reason`}
                label={`Cap ${i + 1}: why`}
                {...field(`downgrades.${i}.reason`)}
              />
              <div className="flex items-end">
                <Button type="button" variant="secondary" onClick={() => caps.remove(i)}>
                  Remove cap {i + 1}
                </Button>
              </div>
            </li>
          ))}
        </ul>
        <Button
          type="button"
          variant="secondary"
          className="mt-2"
          onClick={() =>
            caps.append({ code: FLAGS[0]!.value as never, severity: "medium", reason: "" })
          }
        >
          Add a severity cap
        </Button>
      </fieldset>
      <p role="status" aria-live="polite" className="text-sm" data-testid="policy-note">
        {note}
      </p>
      <div className="flex gap-2">
        <Button type="button" variant="secondary" onClick={() => void preview()}>
          Preview the effect
        </Button>
        <SubmitButton pending={submitting} pendingLabel="Saving…">
          Save policy
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
