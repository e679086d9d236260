"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { callAction } from "@/components/ui/use-action-form";
import { removeExtensionItemAction } from "@/lib/actions/extension";
import { RULE_OPERATORS, type TExtension } from "@/lib/questionnaires/extension/schema";
import type { TCondition } from "@/lib/rules/conditions";
import { OPERATORS } from "@/lib/rules/operators";

type TKind = "question" | "rule";

/** "backup_exists is one of yes, unknown"; a tree (from an imported file) joined with and / or. */
function describeCondition(c: TCondition): string {
  if ("all" in c) return c.all.map(describeCondition).join(" and ");
  if ("any" in c) return c.any.map(describeCondition).join(" or ");
  if ("not" in c) return `not (${describeCondition(c.not)})`;
  const value = Array.isArray(c.value) ? c.value.join(", ") : String(c.value ?? "");
  return `${c.question ?? c.fact} ${OPERATORS[c.op].describe}${value ? ` ${value}` : ""}`;
}
type TItem = { id: string; text: ReactNode };

/** One list of saved items (a section's questions, or the rules), each with its remove button. */
function RemovableList({
  kind,
  items,
  onRemove,
}: {
  kind: TKind;
  items: TItem[];
  onRemove(kind: TKind, id: string): void;
}) {
  return (
    <ul className="mt-1 space-y-1 text-sm">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center justify-between gap-2">
          <span>
            <code>{item.id}</code> {item.text}
          </span>
          <Button type="button" variant="secondary" onClick={() => onRemove(kind, item.id)}>
            Remove {item.id}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** The extension's questions and rules as saved, each removable (a new version each time). */
export function ItemList({ extension }: { extension: TExtension }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const remove = async (kind: TKind, id: string) => {
    setError(undefined);
    const r = await callAction(() => removeExtensionItemAction({ kind, id }));
    if (r.error) setError(Object.values(r.fieldErrors ?? {}).flat()[0] ?? r.error);
    else router.refresh();
  };
  const onRemove = (kind: TKind, id: string) => void remove(kind, id);
  return (
    <div className="space-y-4">
      <FormAlert message={error} />
      {extension.sections.length === 0 && (
        <p className="text-sm text-slate-600">No questions of your own yet.</p>
      )}
      {extension.sections.map((s) => (
        <section key={s.id} aria-label={`Section ${s.title}`}>
          <h3 className="font-semibold">{s.title}</h3>
          <RemovableList
            kind="question"
            onRemove={onRemove}
            items={s.questions.map((q) => ({
              id: q.id,
              text: (
                <>
                  {q.label} <span className="text-slate-600">({q.type})</span>
                  {q.visibleWhen && (
                    <span className="block text-xs text-slate-600">
                      Shown only when {describeCondition(q.visibleWhen)}.
                    </span>
                  )}
                </>
              ),
            }))}
          />
        </section>
      ))}
      <section aria-label="Rules">
        <h3 className="font-semibold">Rules</h3>
        {extension.rules.length === 0 ? (
          <p className="text-sm text-slate-600">No rules yet.</p>
        ) : (
          <RemovableList
            kind="rule"
            onRemove={onRemove}
            items={extension.rules.map((r) => ({
              id: r.code,
              text: `(${r.severity}) ${r.title}: ${r.question} ${RULE_OPERATORS[r.op]} ${
                Array.isArray(r.value) ? r.value.join(", ") : String(r.value)
              }`,
            }))}
          />
        )}
      </section>
    </div>
  );
}
