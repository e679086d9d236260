"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { callAction, type TFormMessage } from "@/components/ui/use-action-form";
import { updateNotificationPreferencesAction } from "@/lib/actions/profile";
import { EVENT_TYPES, STAFF_EVENT_TYPES, type TStaffEventType } from "@/lib/events/types";

export function PreferencesForm({ initial }: { initial: Record<TStaffEventType, boolean> }) {
  const router = useRouter();
  const [email, setEmail] = useState(initial);
  const [message, setMessage] = useState<TFormMessage>();
  const [pending, setPending] = useState(false);
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    const r = await callAction(() => updateNotificationPreferencesAction({ email }));
    setPending(false);
    if ("error" in r && r.error) return setMessage({ text: r.error, tone: "error" });
    setMessage({ text: "Preferences saved.", tone: "success" });
    router.refresh();
  }
  return (
    <ActionForm label="Mail notifications" message={message} onSubmit={onSubmit}>
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-900">Send me an email when…</legend>
        {STAFF_EVENT_TYPES.map((t) => (
          <label key={t} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name={t}
              checked={email[t]}
              onChange={(e) => setEmail({ ...email, [t]: e.target.checked })}
              className="h-4 w-4"
            />
            {EVENT_TYPES[t]}
          </label>
        ))}
      </fieldset>
      <p className="text-xs text-slate-600">
        Your{" "}
        <Link href="/inbox" className="text-indigo-800 underline underline-offset-2">
          inbox
        </Link>{" "}
        lists every notification whatever you choose here.
      </p>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save preferences
      </SubmitButton>
    </ActionForm>
  );
}
