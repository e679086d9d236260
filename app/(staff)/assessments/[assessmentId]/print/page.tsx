import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintReport } from "@/components/reports/print-report";
import { requirePageUser } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { loadAssessmentReport } from "@/lib/reports/load-assessment-report";

export const metadata: Metadata = { title: "Assessment report (print view)" };

export default async function PrintPage({ params }: { params: Promise<{ assessmentId: string }> }) {
  const { assessmentId } = await params;
  const user = await requirePageUser({ permission: "report:export" });
  try {
    const report = await loadAssessmentReport({ orgId: user.orgId, assessmentId });
    return (
      <>
        <p className="no-print mb-4 text-sm">
          <Link className="text-indigo-800 underline" href={`/assessments/${assessmentId}`}>
            Back to the assessment
          </Link>
        </p>
        <PrintReport report={report} />
      </>
    );
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
