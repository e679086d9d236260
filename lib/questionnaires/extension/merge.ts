import type { TQuestion, TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import { listConditionReferences } from "@/lib/rules/conditions";
import type { TAnswers } from "@/lib/rules/types";
import { isExtensionId, listCoreQuestions, type TExtension } from "./schema";

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

export type TListReadCoreQuestionsInput = { extension: TExtension };

/**
 * The core questions the extension's conditions read, without conditions of their own: the
 * editor's preview asks them first, so trying an answer there shows or hides its questions.
 */
export function listReadCoreQuestions({ extension }: TListReadCoreQuestionsInput): TQuestion[] {
  const ids = new Set(
    extension.sections.flatMap((s) =>
      s.questions.flatMap((q) =>
        q.visibleWhen ? listConditionReferences({ condition: q.visibleWhen }).questions : [],
      ),
    ),
  );
  const core = listCoreQuestions();
  return [...ids].flatMap((id) => {
    const q = core.get(id);
    if (!q) return [];
    const { visibleWhen: _, ...shown } = q;
    return [shown as TQuestion];
  });
}
