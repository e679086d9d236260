import type { TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import type { TThreadMessageView } from "./thread-messages";

/**
 * The portal's list of threads at the top: each question the reviewer opened a thread on,
 * whether it is reopened for a new answer, and who wrote last, each a link that jumps to it.
 */
export function OpenThreads({
  questionnaire,
  threads,
  reopened,
}: {
  questionnaire: TQuestionnaire;
  threads: Record<string, TThreadMessageView[]>;
  reopened: Set<string>;
}) {
  const rows = questionnaire.sections
    .flatMap((s) => s.questions)
    .flatMap((q) => {
      const messages = threads[q.id];
      return messages?.length ? [{ q, messages, last: messages[messages.length - 1]! }] : [];
    });
  if (!rows.length) return null;
  return (
    <section
      aria-labelledby="open-threads-title"
      className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-amber-300"
    >
      <h2 id="open-threads-title" className="text-lg font-semibold">
        Open threads ({rows.length})
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The reviewer's comments on your answers. Follow a link to read the thread and reply under
        the question.
      </p>
      <ul className="mt-3 space-y-2 text-sm">
        {rows.map(({ q, messages, last }) => (
          <li key={q.id} className="flex flex-wrap items-baseline gap-x-2">
            <a className="font-medium text-indigo-800 underline" href={`#q-${q.id}`}>
              {q.label}
            </a>
            {reopened.has(q.id) && (
              <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">
                reopened: change the answer
              </span>
            )}
            <span className="text-xs text-slate-600">
              {messages.length} message{messages.length === 1 ? "" : "s"} · last from{" "}
              {last.side === "vendor" ? "your side" : "the reviewer"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
