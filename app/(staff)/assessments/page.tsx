import type { Metadata } from "next";
import { AssessmentTable, STATUS_LABELS } from "@/components/assessments/assessment-table";
import { Card, PageHeader } from "@/components/ui/card";
import { ListSearch } from "@/components/ui/list-search";
import { describeResults, TIER_OPTIONS } from "@/components/ui/list-search-options";
import { Pager } from "@/components/ui/pager";
import { requirePageUser } from "@/lib/authz";
import { searchAssessments } from "@/lib/data/list-search";
import { listUsers } from "@/lib/data/users";
import { listSearchToParams, parseListSearch, ZAssessmentSearch } from "@/lib/schemas/list-search";

export const metadata: Metadata = { title: "Assessments" };

const STATUSES = [
  { value: "", label: "Any" },
  ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
];

export default async function AssessmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser({ permission: "assessment:read" });
  const { search, errors } = parseListSearch({
    schema: ZAssessmentSearch,
    params: await searchParams,
  });
  const [result, users] = await Promise.all([
    searchAssessments({ orgId: user.orgId, search }),
    listUsers({ orgId: user.orgId }),
  ]);
  return (
    <>
      <PageHeader
        title="Assessments"
        description="Every questionnaire sent, newest first. Open one to review the answers and the flags the engine raised. Name, tier and owner are the vendor's."
      />
      <Card>
        <ListSearch
          action="/assessments"
          label="Search assessments"
          values={search}
          statuses={STATUSES}
          owners={users.map((u) => ({ value: u.id, label: u.name }))}
          tiers={TIER_OPTIONS}
          errors={errors}
          resultText={describeResults({ ...result, noun: ["assessment", "assessments"] })}
        />
        <AssessmentTable rows={result.rows} />
        <Pager
          label="Assessment list pages"
          page={result.page}
          pageCount={result.pageCount}
          hrefOf={(page) => `/assessments?${listSearchToParams({ ...search, page })}`}
        />
      </Card>
    </>
  );
}
