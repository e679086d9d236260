import { isDeepStrictEqual } from "node:util";
import type { TParseError } from "@/lib/questionnaires/errors";
import type { TQuestion, TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";

// What an imported workbook would change (issue 22), worked out from the workbook's checked
// answers and the assessment's current ones, and every problem of a refused workbook in words a
// vendor can act on. Pure: the data layer (lib/data/answers-import.ts) reads and writes.

/** One problem of a refused workbook: where it is, and what to do about it. */
export type TWorkbookProblem = {
  sheet: string | null;
  row: string | null;
  /** The question's label, when the problem is an answer's. */
  question: string | null;
  message: string;
};

/** One answer the import would change. */
export type TWorkbookChange = {
  questionId: string;
  question: string;
  /** The answer now ("" for none); awaiting: carried in and not yet confirmed. */
  from: string;
  awaiting: boolean;
  to: string;
  /** The version the change builds on (0: no answer yet): a save since the preview conflicts. */
  baseVersion: number;
};

export type TCurrentAnswer = {
  questionId: string;
  value: unknown;
  version: number;
  awaitingConfirmation: boolean;
};

const questionsOf = (questionnaire: TQuestionnaire) =>
  new Map(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.id, q] as const));

/** 'sheet "Sites", row 3, answers.sites[1].lat' → sheet, row and the question's label. */
export function describeWorkbookProblem({
  error,
  questionnaire,
}: {
  error: TParseError;
  questionnaire?: TQuestionnaire;
}): TWorkbookProblem {
  const place = /^sheet "(.+?)"(?:, rows? ([\d-]+))?(?:, (.*))?$/.exec(error.path);
  const field = place ? (place[3] ?? "") : error.path === "FILE" ? "" : error.path;
  const qid = /^answers\.(\w+)/.exec(field)?.[1];
  const question = qid && questionnaire ? questionsOf(questionnaire).get(qid) : undefined;
  const item = /^answers\.\w+\[(\d+)\](?:\.(\w+))?/.exec(field);
  const what = item ? ` (entry ${Number(item[1]) + 1}${item[2] ? `, ${item[2]}` : ""})` : "";
  return {
    sheet: place?.[1] ?? null,
    row: place?.[2] ?? null,
    question: question ? `${question.label}${what}` : field || null,
    message:
      error.path === "FILE"
        ? `The file is ${error.found}. Upload ${error.expected}.`
        : `Expected ${error.expected}; found ${error.found}.`,
  };
}

type TNamed = { name?: unknown; id?: unknown };

/** An answer as the preview shows it: a choice's label, a list joined, a site list by name. */
export function describeAnswer(question: TQuestion | undefined, value: unknown): string {
  if (value === null || value === undefined) return "";
  const label = (v: unknown) => question?.options?.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) {
    if (value.length === 0) return "(none)";
    if (typeof value[0] === "object" && value[0] !== null) {
      const names = (value as TNamed[]).map((v) => String(v.name ?? v.id ?? "?"));
      return `${value.length} ${value.length === 1 ? "entry" : "entries"}: ${names.join(", ")}`;
    }
    return value.map(label).join(", ");
  }
  return label(value);
}

/**
 * The answers `incoming` changes. A question the workbook leaves blank keeps its answer: a blank
 * cell never clears one (a workbook downloaded before answers were given online would otherwise
 * erase them). An answer awaiting confirmation that the workbook states as it is counts as a
 * change: importing it confirms it.
 */
export function diffWorkbookAnswers({
  questionnaire,
  current,
  incoming,
}: {
  questionnaire: TQuestionnaire;
  current: readonly TCurrentAnswer[];
  incoming: Readonly<Record<string, unknown>>;
}): TWorkbookChange[] {
  const questions = questionsOf(questionnaire);
  const now = new Map(current.map((a) => [a.questionId, a] as const));
  const changes: TWorkbookChange[] = [];
  for (const [questionId, question] of questions) {
    const to = incoming[questionId];
    if (to === undefined || to === null) continue;
    const row = now.get(questionId);
    const same = row && row.value !== null && isDeepStrictEqual(row.value, to);
    if (same && !row.awaitingConfirmation) continue;
    changes.push({
      questionId,
      question: question.label,
      from: describeAnswer(question, row?.value),
      awaiting: row?.awaitingConfirmation ?? false,
      to: describeAnswer(question, to),
      baseVersion: row?.version ?? 0,
    });
  }
  return changes;
}
