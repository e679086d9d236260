import type { Metadata } from "next";
import { AssessmentTable } from "@/components/assessments/assessment-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { listAssessments } from "@/lib/data/assessments";

export const metadata: Metadata = { title: "Assessments" };

export default async function AssessmentsPage() {
  const user = await requirePageUser({ permission: "assessment:read" });
  const rows = await listAssessments({ orgId: user.orgId, take: 200 });
  return (
    <>
      <PageHeader
        title="Assessments"
        description="Every questionnaire sent, newest first. Open one to review the answers and the flags the engine raised."
      />
      <Card>
        <AssessmentTable rows={rows} />
      </Card>
    </>
  );
}
