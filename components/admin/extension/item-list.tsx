"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { callAction } from "@/components/ui/use-action-form";
import { removeExtensionItemAction } from "@/lib/actions/extension";
import { RULE_OPERATORS, type TExtension } from "@/lib/questionnaires/extension/schema";

/** The extension's questions and rules as saved, each removable (a new version each time). */
export function ItemList({ extension }: { extension: TExtension }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const remove = async (kind: "question" | "rule", id: string) => {
    setError(undefined);
    const r = await callAction(() => removeExtensionItemAction({ kind, id }));
    if (r.error) setError(Object.values(r.fieldErrors ?? {}).flat()[0] ?? r.error);
    else router.refresh();
  };
  return (
    <div className="space-y-4">
      <FormAlert message={error} />
      {extension.sections.length === 0 && (
        <p className="text-sm text-slate-600">No questions of your own yet.</p>
      )}
      {extension.sections.map((s) => (
        <section key={s.id} aria-label={`Section ${s.title}`}>
          <h3 className="font-semibold">{s.title}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {s.questions.map((q) => (
              <li key={q.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <code>{q.id}</code> {q.label} <span className="text-slate-600">({q.type})</span>
                </span>
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => void remove("question", q.id)}
                >
                  Remove {q.id}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-label="Rules">
        <h3 className="font-semibold">Rules</h3>
        {extension.rules.length === 0 ? (
          <p className="text-sm text-slate-600">No rules yet.</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {extension.rules.map((r) => (
              <li key={r.code} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <code>{r.code}</code> ({r.severity}): {r.question} {RULE_OPERATORS[r.op]}{" "}
                  {Array.isArray(r.value) ? r.value.join(", ") : String(r.value)}
                </span>
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => void remove("rule", r.code)}
                >
                  Remove {r.code}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
