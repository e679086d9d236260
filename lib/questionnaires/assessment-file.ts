import {
  parseAnswers,
  parseRequirements,
  type TRequirements,
} from "@/lib/questionnaires/answers-schema";
import { describeFound, type TParseError, type TParseResult } from "@/lib/questionnaires/errors";
import { splitAnswers } from "@/lib/questionnaires/extension/merge";
import type { TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import { getQuestionnaire, listQuestionnaires } from "@/lib/questionnaires/registry";
import type { TAnswers } from "@/lib/rules/types";

/** A FILE of the `assess` command, and the body of an assessment import. */
export type TAssessmentFile = {
  questionnaire: TQuestionnaire;
  requirements: TRequirements;
  answers: TAnswers;
};

const TOP_LEVEL_KEYS = new Set(["questionnaire", "version", "requirements", "answers"]);

export type TParseAssessmentFileInput = { input: unknown };

/** Validates `{ questionnaire, version?, requirements, answers }`, reporting every bad field. */
export function parseAssessmentFile({
  input,
}: TParseAssessmentFileInput): TParseResult<TAssessmentFile> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    const expected = "an object with questionnaire, requirements and answers";
    return {
      ok: false,
      errors: [{ path: "(top level)", expected, found: describeFound({ value: input }) }],
    };
  }
  const file = input as Record<string, unknown>;
  const errors: TParseError[] = [];
  for (const key of Object.keys(file)) {
    if (TOP_LEVEL_KEYS.has(key)) continue;
    const expected = "only questionnaire, version, requirements and answers at the top level";
    errors.push({ path: key, expected, found: describeFound({ value: file[key] }) });
  }
  const questionnaire = findQuestionnaire(file, errors);
  const requirements = parseRequirements({ input: file.requirements });
  if (!requirements.ok) errors.push(...requirements.errors);
  // An organisation's own answers (x_…, issue 19) are set aside: the core judges core ids only.
  const given =
    file.answers !== null && typeof file.answers === "object" && !Array.isArray(file.answers)
      ? splitAnswers({ answers: file.answers as TAnswers }).core
      : file.answers;
  const answers = questionnaire ? parseAnswers({ questionnaire, input: given }) : undefined;
  if (answers && !answers.ok) errors.push(...answers.errors);
  if (errors.length > 0 || !questionnaire || !requirements.ok || !answers?.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: { questionnaire, requirements: requirements.value, answers: answers.value },
  };
}

function findQuestionnaire(file: Record<string, unknown>, errors: TParseError[]) {
  const { questionnaire: id, version } = file;
  const known = listQuestionnaires();
  if (typeof id !== "string" || !known.some((q) => q.id === id)) {
    const ids = [...new Set(known.map((q) => `"${q.id}"`))].join(", ");
    errors.push({
      path: "questionnaire",
      expected: `one of ${ids}`,
      found: describeFound({ value: id }),
    });
    return undefined;
  }
  if (version !== undefined && typeof version !== "string") {
    errors.push({
      path: "version",
      expected: "a version string",
      found: describeFound({ value: version }),
    });
    return undefined;
  }
  const questionnaire = getQuestionnaire({ id, version });
  if (!questionnaire) {
    const versions = known
      .filter((q) => q.id === id)
      .map((q) => `"${q.version}"`)
      .join(", ");
    errors.push({
      path: "version",
      expected: `one of ${versions}`,
      found: describeFound({ value: version }),
    });
  }
  return questionnaire;
}
