import { LocalTime } from "@/components/ui/local-time";
import { SafeText } from "@/components/ui/safe-text";
import type { TThreadMessage } from "@/lib/data/threads";
import { formatDate } from "@/lib/dates";

/** One message of a question's thread, as both the portal and the review page show it. */
export type TThreadMessageView = TThreadMessage;

/** A thread's messages, oldest first: who wrote each (and for which side) and when. */
export function ThreadMessages({
  messages,
  label,
  staffName = "Reviewer",
}: {
  messages: TThreadMessageView[];
  /** The list's accessible name, e.g. "Thread on Sites". */
  label: string;
  /** What the staff side is called to this reader ("Reviewer", or the buyer's name). */
  staffName?: string;
}) {
  return (
    <ol className="space-y-2" aria-label={label}>
      {messages.map((m) => (
        <li
          key={m.id}
          data-thread-message={m.side}
          className={`rounded-md p-3 text-sm ring-1 ${
            m.side === "staff"
              ? "bg-amber-50 text-amber-950 ring-amber-200"
              : "bg-sky-50 text-sky-950 ring-sky-200"
          }`}
        >
          <p className="break-words text-xs text-slate-700">
            <span className="font-semibold">
              <SafeText text={m.author} />
            </span>{" "}
            ({m.side === "staff" ? staffName : "vendor"}){m.request ? " requested a change" : ""} ·{" "}
            {formatDate(m.createdAt)} <LocalTime iso={m.createdAt} />
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words">
            <SafeText text={m.body} />
          </p>
        </li>
      ))}
    </ol>
  );
}
