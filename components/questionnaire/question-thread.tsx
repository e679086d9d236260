"use client";

import { useId, useState } from "react";
import { SubmitButton } from "@/components/ui/action-form";
import { FormMessage, type TFormMessage } from "@/components/ui/form-message";
import { THREAD_BODY_MAX } from "@/lib/schemas/thread-rules";
import { ThreadMessages, type TThreadMessageView } from "./thread-messages";

type TProps = {
  token: string;
  questionId: string;
  questionLabel: string;
  orgName: string;
  messages: TThreadMessageView[];
  /** Replies are taken (the assessment is reopened or under review). */
  open: boolean;
  onPosted(message: TThreadMessageView): void;
};

/** A question's thread in the vendor's portal, with a box to reply to the reviewer. */
export function QuestionThread(p: TProps) {
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<TFormMessage>();
  const fieldId = useId();
  async function send() {
    setMessage(undefined);
    setBusy(true);
    try {
      const res = await fetch(`/api/respond/${p.token}/threads`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ questionId: p.questionId, body }),
      });
      const json = await res.json().catch(() => ({}));
      if (!res.ok) return setMessage({ text: json.error || "The reply was not sent.", ok: false });
      p.onPosted({ ...json.data, side: "vendor", request: false });
      setBody("");
      setMessage({ text: "Reply sent to the reviewer.", ok: true });
    } catch {
      setMessage({ text: "No connection: try again in a moment.", ok: false });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="mb-3 space-y-2" data-thread={p.questionId}>
      <div role="note" aria-label={`Thread on “${p.questionLabel}”`}>
        <ThreadMessages
          messages={p.messages}
          label={`Messages on “${p.questionLabel}”`}
          staffName={p.orgName}
        />
      </div>
      {p.open && (
        <form
          className="space-y-2"
          aria-label={`Reply on “${p.questionLabel}”`}
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
            Your reply to the reviewer
          </label>
          <textarea
            id={fieldId}
            rows={2}
            maxLength={THREAD_BODY_MAX}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
          />
          <SubmitButton
            plain
            pending={busy}
            pendingLabel="Sending…"
            className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Send reply
          </SubmitButton>
          <FormMessage message={message} />
        </form>
      )}
    </div>
  );
}
