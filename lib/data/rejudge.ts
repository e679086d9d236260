import { getTodayUtc } from "../dates";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { parseAnswers, parseRequirements } from "../questionnaires";
import { assessWithExtension, type TOrgFlag } from "../questionnaires/extension/judge";
import { getRulesVersion } from "../rules";
import { flagTitle } from "../rules/flag-titles";
import { ZOrgPolicy } from "../scoring";
import { toAnswers } from "./answer-rows";
import { getAssessmentOrgRules } from "./extension";
import { readStoredQuestionnaire } from "./questionnaire-versions";

// A decided assessment keeps the flags it was decided on. This reads its answers again with
// the current engine, as of today, to show what the engine says now: nothing is stored.

export type TRejudgement = {
  asOf: string;
  rulesVersion: string;
  rating: string;
  score: number;
  /** Codes the current engine raises that the stored assessment does not have. */
  added: TOrgFlag[];
  /** Codes raised both times, at another severity now. */
  changed: { code: string; title: string; was: string; now: string }[];
  /** Stored codes the current engine no longer raises (e.g. a test has since gone stale). */
  gone: { code: string; title: string; severity: string }[];
};

export type TRejudgeAssessmentInput = { orgId: string; assessmentId: string; asOf?: string };

export async function rejudgeAssessment({
  orgId,
  assessmentId,
  asOf = getTodayUtc(),
}: TRejudgeAssessmentInput): Promise<TRejudgement | null> {
  const a = await db.assessment.findFirst({
    where: { id: assessmentId, orgId },
    select: {
      requirements: true,
      questionnaireVersionId: true,
      extensionVersionId: true,
      questionnaireVersion: { select: { definition: true } },
      answers: { select: { questionId: true, value: true, awaitingConfirmation: true } },
      flags: { select: { code: true, severity: true, title: true } },
      org: { select: { policy: true } },
    },
  });
  if (!a) throw new NotFoundError("Assessment not found");
  const questionnaire = readStoredQuestionnaire({
    id: a.questionnaireVersionId,
    definition: a.questionnaireVersion.definition,
  });
  const answers = parseAnswers({ questionnaire, input: toAnswers(a.answers) });
  const requirements = parseRequirements({ input: a.requirements });
  // Stored rows that no longer parse cannot be judged; the page then says nothing new.
  if (!answers.ok || !requirements.ok) return null;
  const policy = ZOrgPolicy.safeParse(a.org.policy);
  const now = assessWithExtension({
    rules: await getAssessmentOrgRules(a),
    questionnaire,
    requirements: requirements.value,
    answers: answers.value,
    asOf,
    policy: policy.success ? policy.data : undefined,
  });
  const stored = new Map(a.flags.map((f) => [f.code, f.severity as string]));
  const storedTitles = new Map(a.flags.map((f) => [f.code, f.title]));
  const current = new Map<string, TOrgFlag>(now.flags.map((f) => [f.code, f]));
  return {
    asOf,
    rulesVersion: getRulesVersion(),
    rating: now.rating,
    score: now.score,
    added: now.flags.filter((f) => !stored.has(f.code)),
    changed: now.flags
      .filter((f) => stored.has(f.code) && stored.get(f.code) !== f.severity)
      .map((f) => ({ code: f.code, title: f.title, was: stored.get(f.code)!, now: f.severity })),
    gone: [...stored]
      .filter(([code]) => !current.has(code))
      .map(([code, severity]) => ({
        code,
        title: flagTitle(code, storedTitles.get(code)),
        severity,
      })),
  };
}
