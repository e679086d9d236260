"use client";

import { useMemo, useState } from "react";
import { QuestionCard } from "@/components/questionnaire/question-card";
import { QuestionInput } from "@/components/questionnaire/question-input";
import { SectionIntro } from "@/components/questionnaire/section-intro";
import { getVisibleQuestions, type TQuestion } from "@/lib/questionnaires";
import type { TExtension } from "@/lib/questionnaires/extension/schema";
import type { TAnswers } from "@/lib/rules/types";

type TProps = {
  extension: TExtension;
  orgName: string;
  /** The core questions the extension's conditions read, answerable here to try them. */
  coreQuestions: TQuestion[];
};

const noop = () => {};

/**
 * The organisation's sections as the vendor will see them, drawn by the portal's own question
 * cards and controls; answers given here stay in the browser (nothing is saved) and show or hide
 * the conditional questions exactly as they would in the portal.
 */
export function ExtensionPreview({ extension, orgName, coreQuestions }: TProps) {
  const [values, setValues] = useState<Record<string, unknown>>({});
  const change = (id: string, value: unknown) => setValues((prev) => ({ ...prev, [id]: value }));
  const sections = useMemo(
    () => [
      ...(coreQuestions.length
        ? [{ id: "core", title: "Core answers your conditions read", questions: coreQuestions }]
        : []),
      ...(extension.sections as { id: string; title: string; questions: TQuestion[] }[]),
    ],
    [extension, coreQuestions],
  );
  const visible = new Set(
    getVisibleQuestions({
      questionnaire: { sections } as Parameters<typeof getVisibleQuestions>[0]["questionnaire"],
      answers: values as TAnswers,
    }).map((q) => q.id),
  );
  if (extension.sections.length === 0)
    return <p className="text-sm text-slate-600">Nothing to preview yet.</p>;
  return (
    <div className="space-y-6" data-testid="extension-preview">
      <p className="text-sm text-slate-600">
        Try your questions: answers given here are not saved. A question with a condition appears
        once the answer it reads holds.
      </p>
      {sections.map((s) => (
        <section
          key={s.id}
          aria-label={s.id === "core" ? s.title : `Preview of ${s.title}`}
          className="space-y-4"
        >
          {s.id === "core" ? (
            <h3 className="text-lg font-semibold">{s.title}</h3>
          ) : (
            <SectionIntro section={s} orgName={orgName} level={3} />
          )}
          {s.questions
            .filter((q) => visible.has(q.id))
            .map((q) => (
              <QuestionCard
                key={q.id}
                question={q}
                state={undefined}
                locked={false}
                mine={values[q.id]}
                formatValue={String}
                onResolve={noop}
              >
                <QuestionInput question={q} locked={false} values={values} change={change} />
              </QuestionCard>
            ))}
        </section>
      ))}
    </div>
  );
}
