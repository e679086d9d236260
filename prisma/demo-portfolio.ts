import crypto from "node:crypto";
import { addMonthsUtc } from "../lib/dates";
import type { Prisma } from "../lib/db";
import {
  getQuestionnaire,
  parseAnswers,
  parseRequirements,
  type TQuestionnaire,
} from "../lib/questionnaires";
import { assessAnswers, type TTier } from "../lib/rules";
import { REASSESS_MONTHS } from "../lib/scoring/tiers";
import {
  between,
  buildDemoAnswers,
  buildDemoAnswers11,
  daysBefore,
  isoDay,
  pick,
  type TRng,
} from "./demo-answers";

// A year of judged assessment history per vendor, built as rows and inserted in bulk.
type TClient = Prisma.TransactionClient;

/**
 * The built-in questionnaire's version row (the latest, or `version`), created once (same rule
 * as ensureQuestionnaireVersion).
 */
export async function ensureSeedQuestionnaireVersion({
  prisma,
  version,
}: {
  prisma: TClient;
  version?: string;
}) {
  const q = getQuestionnaire({ id: "bcdr-core", version });
  if (!q) throw new Error(`questionnaires/bcdr-core ${version ?? ""} is missing`);
  const definition = JSON.parse(JSON.stringify(q)) as Prisma.InputJsonValue;
  const checksum = crypto.createHash("sha256").update(JSON.stringify(definition)).digest("hex");
  const existing = await prisma.questionnaireVersion.findFirst({
    where: { key: q.id, version: q.version, checksum },
  });
  const row =
    existing ??
    (await prisma.questionnaireVersion.create({
      data: { key: q.id, version: q.version, title: q.title, definition, checksum },
    }));
  return { id: row.id, questionnaire: q };
}

export type TPortfolioInput = {
  prisma: TClient;
  orgId: string;
  vendors: readonly { id: string; tier: TTier }[];
  ownerId: string;
  deciderId: string;
  rng: TRng;
  now?: Date;
  /** Keep only these answers (the bench stores what the dashboard reads); all by default. */
  answerIds?: ReadonlySet<string>;
  /** Reuse one judged answer set per tier, quality band (of this many) and month: bulk seeds. */
  reuse?: number;
  /** Assessments per vendor, before the open ones (default 1–3). */
  history?: () => number;
};

/** Submissions older than this were made on the previous questionnaire version, when given. */
const CURRENT_VERSION_DAYS = 120;

type TSeedVersion = { id: string; questionnaire: TQuestionnaire };

/** Year-long history per vendor, each submission judged by the real engine, inserted in bulk. */
export async function seedPortfolio(input: TPortfolioInput) {
  const { prisma, now = new Date() } = input;
  const qv = await ensureSeedQuestionnaireVersion({ prisma });
  // The demo shows both versions side by side: older history was answered on 1.0.0.
  const qvPrevious = await ensureSeedQuestionnaireVersion({ prisma, version: "1.0.0" });
  const rows = buildPortfolioRows({ ...input, now, qv, qvPrevious });
  const chunk = 5000;
  const insert = async <T>(items: T[], fn: (data: T[]) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += chunk) await fn(items.slice(i, i + chunk));
  };
  await insert(rows.assessments, (data) => prisma.assessment.createMany({ data }));
  await insert(rows.answers, (data) => prisma.answer.createMany({ data }));
  await insert(rows.flags, (data) => prisma.flag.createMany({ data }));
  await insert(rows.findings, (data) => prisma.finding.createMany({ data }));
  return { assessments: rows.assessments.length, flags: rows.flags.length };
}

const SUBMITTED_STATES = ["accepted", "accepted", "accepted", "submitted"] as const;

export function buildPortfolioRows(
  input: TPortfolioInput & { now: Date; qv: TSeedVersion; qvPrevious?: TSeedVersion },
) {
  const { orgId, vendors, ownerId, deciderId, rng, now, qv, answerIds, reuse } = input;
  const judged = new Map<string, ReturnType<typeof judge>>();
  const versionAt = (submitted: Date) =>
    input.qvPrevious && submitted < daysBefore(now, CURRENT_VERSION_DAYS) ? input.qvPrevious : qv;
  const judge = (quality: number, submitted: Date, tier: TTier) => {
    const requirements = parseRequirements({ input: { tier } });
    if (!requirements.ok) throw new Error("demo requirements are invalid");
    const version = versionAt(submitted);
    const v1 = buildDemoAnswers({ rng, quality, asOf: submitted });
    // Answers on the current version also answer the questions 1.1 added.
    const raw = version === qv ? buildDemoAnswers11({ quality, answers: v1 }) : v1;
    const parsed = parseAnswers({ questionnaire: version.questionnaire, input: raw });
    if (!parsed.ok) throw new Error(`demo answers invalid: ${JSON.stringify(parsed.errors[0])}`);
    const asOf = isoDay(submitted);
    const answers = parsed.value;
    const q = version.questionnaire;
    const result = assessAnswers({
      questionnaire: q,
      requirements: requirements.value,
      answers,
      asOf,
    });
    return { answers, result, asOf, versionId: version.id };
  };
  const assessments: Prisma.AssessmentCreateManyInput[] = [];
  const answers: Prisma.AnswerCreateManyInput[] = [];
  const flags: Prisma.FlagCreateManyInput[] = [];
  const findings: Prisma.FindingCreateManyInput[] = [];
  let seq = 0;
  const id = (p: string) =>
    `${p}${(seq++).toString(36).padStart(7, "0")}${Math.floor(rng() * 1e9).toString(36)}`;
  for (const vendor of vendors) {
    const count = input.history ? input.history() : between(rng, 1, 3);
    let quality = rng() * 0.9;
    let previousId: string | null = null;
    for (let i = 0; i < count; i++) {
      // Spread over the past year: assessment i of n falls somewhere in its own slice of it.
      const slice = 350 / count;
      const submitted = daysBefore(now, Math.round((count - 1 - i) * slice + rng() * slice + 3));
      quality = Math.min(1, quality + rng() * 0.1);
      const key = reuse
        ? `${vendor.tier}|${Math.floor(quality * reuse)}|${Math.floor(submitted.getTime() / 2.6e9)}|${versionAt(submitted).id}`
        : "";
      const hit = key ? judged.get(key) : undefined;
      const judgedNow = hit ?? judge(quality, submitted, vendor.tier);
      if (key && !hit) judged.set(key, judgedNow);
      const { answers: judgedAnswers, result, asOf, versionId } = judgedNow;
      const latest = i === count - 1;
      const status = latest ? pick(rng, SUBMITTED_STATES) : "accepted";
      const aId = id("a");
      const decided = status === "accepted" ? daysBefore(submitted, -between(rng, 2, 12)) : null;
      assessments.push({
        id: aId,
        orgId,
        vendorId: vendor.id,
        questionnaireVersionId: versionId,
        requirements: { tier: vendor.tier },
        status,
        dueDate: daysBefore(submitted, -between(rng, 0, 10)),
        sentAt: daysBefore(submitted, 30),
        submittedAt: submitted,
        asOfDate: new Date(`${asOf}T00:00:00Z`),
        score: result.score,
        rating: result.rating,
        decidedAt: decided && decided < now ? decided : null,
        decidedById: decided && decided < now ? deciderId : null,
        nextReassessmentDate: addMonthsUtc(submitted, REASSESS_MONTHS[vendor.tier]),
        previousAssessmentId: previousId,
        createdById: ownerId,
        createdAt: daysBefore(submitted, 31),
      });
      previousId = aId;
      for (const [questionId, value] of Object.entries(judgedAnswers)) {
        if (answerIds && !answerIds.has(questionId)) continue;
        answers.push({
          assessmentId: aId,
          questionId,
          value: value as Prisma.InputJsonValue,
          updatedByKind: "vendor",
          updatedAt: submitted,
          createdAt: submitted,
        });
      }
      for (const f of result.flags) {
        const fId = id("f");
        flags.push({
          id: fId,
          assessmentId: aId,
          code: f.code,
          severity: f.severity,
          title: f.title,
          detail: f.detail,
          questions: f.questions,
          createdAt: submitted,
        });
        if (f.severity !== "critical" && f.severity !== "high") continue;
        findings.push({
          orgId,
          vendorId: vendor.id,
          assessmentId: aId,
          flagId: fId,
          code: f.code,
          title: f.title,
          description: f.detail,
          severity: f.severity,
          status: latest ? pick(rng, ["open", "open", "in_progress"] as const) : "closed",
          ownerId,
          dueDate: daysBefore(submitted, -between(rng, 30, 120)),
          closedAt: latest ? null : daysBefore(submitted, -60),
          createdAt: submitted,
        });
      }
    }
    if (rng() < 0.35) {
      // An assessment in flight: some overdue, some due within the next weeks.
      assessments.push({
        id: id("a"),
        orgId,
        vendorId: vendor.id,
        questionnaireVersionId: qv.id,
        requirements: { tier: vendor.tier },
        status: pick(rng, ["sent", "in_progress"] as const),
        dueDate: daysBefore(now, between(rng, -45, 25)),
        sentAt: daysBefore(now, 35),
        previousAssessmentId: previousId,
        createdById: ownerId,
        createdAt: daysBefore(now, 35),
      });
    }
  }
  return { assessments, answers, flags, findings };
}
