import { parseRequirements } from "@/lib/questionnaires";
import { describeAnswer } from "@/lib/questionnaires/describe-answer";
import type { TQuestion, TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import { flagTitle } from "@/lib/rules/flag-titles";
import { SEVERITY_RANK, type TAnswers, type TSite } from "@/lib/rules/types";
import { resolveRequirements, type TResolvedRequirements } from "@/lib/scoring/tiers";
import { buildRequirementRows } from "./requirement-rows";
import { buildDistanceRows, buildSiteMapData } from "./site-map-data";
import { SEVERITY_ORDER, type TAssessmentReport, type TReportSeverity } from "./types";

// Pure: getAssessmentDetail's result in, the report's plain data out. No I/O, so the unit
// tests and the benchmark call it directly.

type TFlagRow = {
  id: string;
  code: string;
  severity: TReportSeverity;
  title: string;
  detail: string;
  questions: string[];
};

export type TReportSource = {
  assessment: {
    id: string;
    status: string;
    requirements: unknown;
    dueDate: Date | null;
    sentAt: Date | null;
    submittedAt: Date | null;
    decidedAt: Date | null;
    decisionComment: string | null;
    asOfDate: Date | null;
    score: number | null;
    rating: TReportSeverity | null;
    nextReassessmentDate: Date | null;
    vendor: { name: string; tier: string; services: string[]; website: string | null };
    questionnaireVersion: { version: string };
    flags: TFlagRow[];
    evidence: {
      fileName: string;
      questionId: string | null;
      evidenceDate: Date | null;
      createdAt: Date;
      sizeBytes: number;
    }[];
    findings: {
      title: string;
      severity: TReportSeverity;
      status: string;
      dueDate: Date | null;
      remediationNote: string | null;
      riskJustification: string | null;
      riskAcceptedAt?: Date | null;
      riskAcceptedUntil?: Date | null;
      riskAcceptedBy?: { name: string } | null;
      owner: { name: string } | null;
    }[];
  };
  questionnaire: TQuestionnaire;
  answers: TAnswers;
  /** The requirements every reader shows (getAssessmentDetail gives them, policy included). */
  resolved?: TResolvedRequirements;
};

export type TBuildAssessmentReportInput = {
  source: TReportSource;
  generatedAt: Date;
  decidedBy?: string | null;
};

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
const size = (bytes: number) =>
  bytes >= 1_048_576
    ? `${(bytes / 1_048_576).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function buildAssessmentReport({
  source,
  generatedAt,
  decidedBy = null,
}: TBuildAssessmentReportInput): TAssessmentReport {
  const { assessment: a, questionnaire, answers } = source;
  const questions = new Map<string, TQuestion>(
    questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)),
  );
  const labelOf = (id: string) => questions.get(id)?.label ?? id;
  const say = (id: string) =>
    describeAnswer({ question: questions.get(id), value: answers[id], answers });
  const flags = [...a.flags].sort((x, y) => SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity]);
  const flagged = new Set(flags.flatMap((f) => f.questions));
  const asOf = day(a.asOfDate);
  // Worked out once for every reader (lib/data/requirements.ts), policy included; a source
  // without them (synthetic data) is resolved from its own fields.
  const parsed = source.resolved ? undefined : parseRequirements({ input: a.requirements });
  const resolved =
    source.resolved ??
    (parsed?.ok ? resolveRequirements({ requirements: parsed.value }) : undefined);
  const sites = (Array.isArray(answers.sites) ? answers.sites : []) as TSite[];
  const backupIds = Array.isArray(answers.backup_site_ids)
    ? (answers.backup_site_ids as string[])
    : undefined;
  const distances = buildDistanceRows({
    sites,
    minSeparationKm: resolved?.min_separation_km,
    backupIds,
  });
  const severityCounts = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<
    TReportSeverity,
    number
  >;
  for (const f of flags) severityCounts[f.severity] += 1;
  const decision = ["accepted", "rejected"].includes(a.status) ? a.status : "pending";
  return {
    kind: "assessment",
    assessmentId: a.id,
    vendor: {
      name: a.vendor.name,
      tier: a.vendor.tier,
      services: a.vendor.services,
      website: a.vendor.website,
    },
    questionnaire: { title: questionnaire.title, version: a.questionnaireVersion.version },
    status: a.status,
    rating: a.rating,
    score: a.score,
    dates: {
      generatedAt: `${generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
      asOf,
      sent: day(a.sentAt),
      due: day(a.dueDate),
      submitted: day(a.submittedAt),
      decided: day(a.decidedAt),
      nextReassessment: day(a.nextReassessmentDate),
    },
    topRisks: flags
      .filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.medium)
      .slice(0, 5)
      .map((f) => `${f.title} (${f.severity})`),
    severityCounts,
    requirements: resolved
      ? buildRequirementRows({
          answers,
          requirements: resolved,
          asOf: asOf ?? generatedAt.toISOString().slice(0, 10),
          asked: new Set(questions.keys()),
        })
      : [],
    flags: flags.map((f) => ({
      id: f.id,
      code: f.code,
      severity: f.severity,
      title: flagTitle(f.code, f.title),
      detail: f.detail,
      answers: f.questions.map((id) => ({ questionId: id, label: labelOf(id), answer: say(id) })),
    })),
    siteMap: buildSiteMapData({ sites }),
    siteAnswers: { sites, backupIds, minSeparationKm: resolved?.min_separation_km },
    distances: distances.rows,
    distancesNote: distances.note,
    sections: questionnaire.sections.map((s) => ({
      id: s.id,
      title: s.title,
      rows: s.questions
        .filter((q) => answers[q.id] !== undefined)
        .map((q) => ({
          questionId: q.id,
          label: q.label,
          answer: say(q.id),
          flagged: flagged.has(q.id),
        })),
    })),
    evidence: a.evidence.map((e) => ({
      fileName: e.fileName,
      question: e.questionId ? labelOf(e.questionId) : "General",
      evidenceDate: day(e.evidenceDate) ?? "undated",
      uploaded: day(e.createdAt) ?? "",
      size: size(e.sizeBytes),
    })),
    findings: a.findings.map((f) => ({
      title: f.title,
      severity: f.severity,
      status: f.status.replace("_", " "),
      owner: f.owner?.name ?? "unassigned",
      due: day(f.dueDate) ?? "no date",
      note: findingNote(f),
    })),
    signOff: { decision, decidedBy, decidedAt: day(a.decidedAt), comment: a.decisionComment },
  };
}

type TFindingSource = TReportSource["assessment"]["findings"][number];

/** The remediation note and the risk acceptance: who accepted, when, until when, and why. */
export function findingNote(f: TFindingSource): string {
  const until = day(f.riskAcceptedUntil);
  const acceptance =
    f.riskJustification && until
      ? `${f.status === "risk_accepted" ? "Risk accepted" : "Risk acceptance expired"}: by ${f.riskAcceptedBy?.name ?? "a former user"}${f.riskAcceptedAt ? ` on ${day(f.riskAcceptedAt)}` : ""}, until ${until}. ${f.riskJustification}`
      : f.riskJustification;
  return [f.remediationNote, acceptance].filter(Boolean).join(" — ");
}
