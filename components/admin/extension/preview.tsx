import type { TExtension } from "@/lib/questionnaires/extension/schema";

const shapeHint: Record<string, string> = {
  yesno: "Yes / No / Don't know",
  date: "A date",
  text: "Free text",
};

/** The organisation's sections as the vendor will see them after the core ones (read-only). */
export function ExtensionPreview({
  extension,
  orgName,
}: {
  extension: TExtension;
  orgName: string;
}) {
  if (extension.sections.length === 0)
    return <p className="text-sm text-slate-600">Nothing to preview yet.</p>;
  return (
    <div className="space-y-4" data-testid="extension-preview">
      {extension.sections.map((s) => (
        <section key={s.id} aria-label={`Preview of ${s.title}`} className="space-y-2">
          <h3 className="text-lg font-semibold">{s.title}</h3>
          <p className="text-sm text-slate-600">Questions of {orgName}'s own.</p>
          {s.questions.map((q) => (
            <div key={q.id} className="rounded-md bg-white p-3 ring-1 ring-slate-200">
              <p className="font-medium">
                {q.label}
                {q.required ? " *" : " (optional)"}
              </p>
              {q.help && <p className="text-sm text-slate-600">{q.help}</p>}
              <p className="mt-1 text-sm text-slate-700">
                {q.options
                  ? q.options.map((o) => o.label).join(" · ")
                  : q.type === "number"
                    ? `A number (${q.unit})`
                    : shapeHint[q.type]}
              </p>
              {q.visibleWhen && "question" in q.visibleWhen && (
                <p className="mt-1 text-xs text-slate-600">
                  Shown only when {q.visibleWhen.question} is {String(q.visibleWhen.value)}.
                </p>
              )}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
