"use client";

import type { TQuestion } from "@/lib/questionnaires/questionnaire-schema";
import type { TParty, TSite } from "@/lib/rules/types";
import { MultiChoice, RadioChoice, SiteRefs } from "./choice-inputs";
import { PartiesEditor } from "./parties-editor";
import { SitesEditor } from "./sites-editor";
import { DateInput, NumberInput, TextInput } from "./text-inputs";

// One question's control, by its shape: the vendor portal's, and the same one the admin's
// preview of the organisation's own questions shows (so the preview is what the vendor sees).

export type TQuestionInputProps = {
  question: TQuestion;
  locked: boolean;
  /** Every answer on screen, by question id (a sites list feeds the site pickers). */
  values: Record<string, unknown>;
  /** A new value for a question; typed text waits `delayMs` before it is sent. */
  change(id: string, value: unknown, options?: { delayMs?: number }): void;
  minSeparationKm?: number;
  /** The sites map's basemap route (the portal's); the admin's preview has no sites question. */
  basemapUrl?: string;
};

export function QuestionInput({
  question: q,
  locked,
  values,
  change,
  minSeparationKm,
  basemapUrl,
}: TQuestionInputProps) {
  const sites = (Array.isArray(values.sites) ? values.sites : []) as TSite[];
  const common = {
    question: q,
    disabled: locked,
    describedBy: q.help ? `q-${q.id}-help` : undefined,
  };
  const v = values[q.id];
  const text = { delayMs: 700 };
  switch (q.type) {
    case "yesno":
    case "choice":
      return (
        <RadioChoice
          {...common}
          value={v as string | undefined}
          onChange={(x) => change(q.id, x)}
        />
      );
    case "multi":
      return (
        <MultiChoice
          {...common}
          value={v as string[] | undefined}
          onChange={(x) => change(q.id, x)}
        />
      );
    case "number":
      return (
        <NumberInput
          {...common}
          value={v as number | undefined}
          onChange={(x) => change(q.id, x, text)}
        />
      );
    case "date":
      return (
        <DateInput {...common} value={v as string | undefined} onChange={(x) => change(q.id, x)} />
      );
    case "text":
      return (
        <TextInput
          {...common}
          value={v as string | undefined}
          onChange={(x) => change(q.id, x, text)}
        />
      );
    case "siterefs":
      return (
        <SiteRefs
          {...common}
          sites={sites}
          value={v as string[] | undefined}
          onChange={(x) => change(q.id, x)}
        />
      );
    case "parties":
      return (
        <PartiesEditor
          id={q.id}
          value={v as TParty[] | undefined}
          disabled={locked}
          onChange={(x) => change(q.id, x, text)}
        />
      );
    case "sites":
      return (
        <SitesEditor
          value={sites}
          disabled={locked}
          minSeparationKm={minSeparationKm}
          basemapUrl={basemapUrl}
          backupIds={
            Array.isArray(values.backup_site_ids) ? (values.backup_site_ids as string[]) : undefined
          }
          onChange={(x) => change(q.id, x, text)}
        />
      );
  }
}
