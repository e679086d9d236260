import type { TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import type { TAnswers } from "@/lib/rules/types";
import { isExtensionId, type TExtension } from "./schema";

// The vendor answers one questionnaire: the core one with the organisation's sections after it.
// The merged definition is what an assessment stores, so the portal, autosave, evidence, review
// and PDF treat the organisation's questions like any other; scoring splits them apart again.

export type TMergeExtensionInput = { questionnaire: TQuestionnaire; extension: TExtension };

export function mergeExtension({ questionnaire, extension }: TMergeExtensionInput): TQuestionnaire {
  if (extension.sections.length === 0) return questionnaire;
  return {
    ...questionnaire,
    sections: [...questionnaire.sections, ...(extension.sections as TQuestionnaire["sections"])],
  };
}

export type TSplitAnswersInput = { answers: TAnswers };

/** The core answers, which alone the core engine judges, and the organisation's own. */
export function splitAnswers({ answers }: TSplitAnswersInput): { core: TAnswers; own: TAnswers } {
  const core: Record<string, TAnswers[string]> = {};
  const own: Record<string, TAnswers[string]> = {};
  for (const [id, value] of Object.entries(answers)) (isExtensionId(id) ? own : core)[id] = value;
  return { core, own };
}
