import type { TSessionUser } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { loadAssessmentReport } from "./load-assessment-report";
import { reportFileName } from "./pdf-response";
import type { TAssessmentReport } from "./types";

export type TPrepareAssessmentExportInput = { user: TSessionUser; assessmentId: string };

/** The report data and its file name, or null when the id is not in the user's organisation. */
export async function prepareAssessmentExport({
  user,
  assessmentId,
}: TPrepareAssessmentExportInput): Promise<{ report: TAssessmentReport; fileName: string } | null> {
  try {
    const report = await loadAssessmentReport({ orgId: user.orgId, assessmentId });
    const date = report.dates.asOf ?? new Date().toISOString().slice(0, 10);
    return {
      report,
      fileName: reportFileName({ name: report.vendor.name, kind: "bcdr-report", date }),
    };
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}
