import { type TSessionUser, withApiUser } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import type { TPermission } from "@/lib/permissions";
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

export type TAssessmentExport = {
  user: TSessionUser;
  assessmentId: string;
  report: TAssessmentReport;
  fileName: string;
};

/**
 * Route handlers that export an assessment: `permission` checked (401/403 otherwise; the PDF
 * report's `report:export` unless named), the assessment looked up in the caller's organisation
 * (404 for any other), then `fn`.
 */
export async function withAssessmentExport(
  params: Promise<{ assessmentId: string }>,
  fn: (input: TAssessmentExport) => Promise<Response>,
  permission: TPermission = "report:export",
): Promise<Response> {
  const { assessmentId } = await params;
  return withApiUser(permission, async (user) => {
    const prepared = await prepareAssessmentExport({ user, assessmentId });
    if (!prepared) return Response.json({ error: "Not found" }, { status: 404 });
    return fn({ user, assessmentId, ...prepared });
  });
}
