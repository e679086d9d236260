import { getAssessmentDetail } from "@/lib/data/assessments";
import { db } from "@/lib/db";
import { buildAssessmentReport } from "./assessment-data";
import type { TAssessmentReport } from "./types";

export type TLoadAssessmentReportInput = { orgId: string; assessmentId: string; now?: Date };

/** Organisation-scoped: another organisation's id throws NotFoundError (→ 404). */
export async function loadAssessmentReport({
  orgId,
  assessmentId,
  now = new Date(),
}: TLoadAssessmentReportInput): Promise<TAssessmentReport> {
  const detail = await getAssessmentDetail({ orgId, assessmentId });
  const decidedById = detail.assessment.decidedById;
  const decider = decidedById
    ? await db.user.findFirst({ where: { id: decidedById, orgId }, select: { name: true } })
    : null;
  return buildAssessmentReport({
    source: detail,
    generatedAt: now,
    decidedBy: decider?.name ?? null,
  });
}
