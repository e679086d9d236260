"use client";

import { useRef } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { createFindingAction } from "@/lib/actions/assessments";
import type { ZFinding } from "@/lib/schemas/assessment";

type TFindingInput = z.input<typeof ZFinding>;

export type TFlagChoice = {
  id: string;
  code: string;
  /** The engine's title for the code (lib/rules/flag-titles.ts). */
  title: string;
  severity: string;
  detail: string;
};

const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;

type TProps = {
  assessmentId: string;
  flags: readonly TFlagChoice[];
  owners: { value: string; label: string }[];
  pending: boolean;
  fieldErrors: Record<string, string[]>;
  /** Sends the finding; on success the panel resets the form. */
  run: (
    fn: () => Promise<{ error?: string; fieldErrors?: Record<string, string[]> }>,
    done: string,
    form?: HTMLFormElement,
  ) => void;
};

/**
 * Raise a finding, optionally from one of the assessment's flags: picking a flag fills the
 * title, the text and the severity from it (a critical flag gives a critical finding), and
 * each stays editable. The fields stay plain form fields, so a reset after sending clears them.
 */
export function RaiseFindingForm({
  assessmentId,
  flags,
  owners,
  pending,
  fieldErrors,
  run,
}: TProps) {
  const title = useRef<HTMLInputElement>(null);
  const description = useRef<HTMLTextAreaElement>(null);
  const severity = useRef<HTMLSelectElement>(null);

  function fillFrom(flagId: string) {
    const flag = flags.find((f) => f.id === flagId);
    if (!flag || !title.current || !description.current || !severity.current) return;
    title.current.value = flag.title;
    description.current.value = flag.detail;
    severity.current.value = (SEVERITIES as readonly string[]).includes(flag.severity)
      ? flag.severity
      : "high";
  }

  return (
    <form
      aria-label="Raise a finding"
      className="space-y-3 rounded-md bg-slate-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const d = Object.fromEntries(new FormData(e.currentTarget));
        run(
          () => createFindingAction({ assessmentId, ...d } as TFindingInput),
          "Finding raised.",
          e.currentTarget,
        );
      }}
    >
      <p className="font-semibold">Raise a finding</p>
      <SelectField
        id="f-flag"
        name="flagId"
        label="From flag (optional)"
        hint="Fills the title, text and severity from the flag; you can still change them."
        onChange={(e) => fillFrom(e.target.value)}
        options={[
          { value: "", label: "— none —" },
          ...flags.map((f) => ({ value: f.id, label: `${f.title} (${f.severity}) · ${f.code}` })),
        ]}
      />
      <TextField
        ref={title}
        id="f-title"
        name="title"
        label="Title"
        error={fieldErrors.title?.[0]}
      />
      <TextAreaField
        ref={description}
        id="f-desc"
        name="description"
        label="What must change"
        rows={3}
        error={fieldErrors.description?.[0]}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          ref={severity}
          id="f-sev"
          name="severity"
          label="Severity"
          options={SEVERITIES.map((s) => ({ value: s, label: s }))}
          defaultValue="high"
        />
        <SelectField
          id="f-owner"
          name="ownerId"
          label="Owner"
          options={[{ value: "", label: "— none —" }, ...owners]}
        />
        <TextField
          id="f-due"
          name="dueDate"
          type="date"
          label="Due date"
          error={fieldErrors.dueDate?.[0]}
        />
      </div>
      <Button type="submit" disabled={pending}>
        Raise finding
      </Button>
    </form>
  );
}
