import type { Metadata } from "next";
import { ItemList } from "@/components/admin/extension/item-list";
import { ExtensionPreview } from "@/components/admin/extension/preview";
import { QuestionForm } from "@/components/admin/extension/question-form";
import { RuleForm } from "@/components/admin/extension/rule-form";
import { ExtensionTransfer } from "@/components/admin/extension/transfer";
import { VersionList } from "@/components/admin/version-list";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { exportExtension, getExtensionEditor } from "@/lib/data/extension";
import { listReadCoreQuestions } from "@/lib/questionnaires/extension/merge";
import { listAllowedAnswers, listCoreQuestions } from "@/lib/questionnaires/extension/schema";
import type { TQuestion } from "@/lib/questionnaires/questionnaire-schema";

export const metadata: Metadata = { title: "Own questions" };

export default async function OwnQuestionsPage() {
  const user = await requirePageUser({ permission: "settings:manage" });
  const { orgName, extension, version, versions } = await getExtensionEditor({
    orgId: user.orgId,
  });
  const own = extension.sections.flatMap((s) => s.questions) as TQuestion[];
  const ownOptions = own.map((q) => ({ value: q.id, label: `${q.label} (${q.id})` }));
  const coreOptions = [...listCoreQuestions().values()]
    .filter((q) => q.type !== "sites" && q.type !== "siterefs" && q.type !== "parties")
    .map((q) => ({ value: q.id, label: `Core: ${q.label} (${q.id})` }));
  // What each question a condition may read can be answered with, for the form's hint.
  const answers = Object.fromEntries(
    [...own, ...listCoreQuestions().values()].map((q) => [q.id, describeAnswers(q)]),
  );
  return (
    <>
      <PageHeader
        title="Own questions"
        description={`Questions and rules your organisation adds after the core questionnaire. Version ${version}: assessments sent from now on carry it; those already sent keep theirs.`}
      />
      <div className="grid max-w-6xl gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card title="Questions and rules">
            <ItemList extension={extension} />
          </Card>
          <Card title="Add a question">
            <QuestionForm
              sections={extension.sections.map((s) => ({ value: s.id, label: s.title }))}
              questions={[...ownOptions, ...coreOptions]}
              answers={answers}
            />
          </Card>
          <Card title="Add a rule">
            {own.length === 0 ? (
              <p className="text-sm text-slate-600">
                Add a question first: rules read your own questions.
              </p>
            ) : (
              <RuleForm questions={ownOptions} />
            )}
          </Card>
          <Card title="Preview: what the vendor sees">
            <ExtensionPreview
              extension={extension}
              orgName={orgName}
              coreQuestions={listReadCoreQuestions({ extension })}
            />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Export and import">
            <ExtensionTransfer exported={exportExtension({ extension })} />
          </Card>
          <Card title="Versions">
            <VersionList versions={versions} empty="None saved yet." />
          </Card>
        </div>
      </div>
    </>
  );
}

/** "yes, no, unknown", "a number (EUR)", "a date (YYYY-MM-DD)" or "any text". */
function describeAnswers(q: TQuestion): string {
  const allowed = listAllowedAnswers(q);
  if (allowed) return allowed.join(", ");
  if (q.type === "number") return `a number${q.unit ? ` (${q.unit})` : ""}`;
  if (q.type === "date") return "a date (YYYY-MM-DD)";
  return "any text";
}
