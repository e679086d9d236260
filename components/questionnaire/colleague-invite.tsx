"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/action-form";
import { FormMessage, type TFormMessage } from "@/components/ui/form-message";

export function ColleagueInvite({ token }: { token: string }) {
  const [message, setMessage] = useState<TFormMessage>();
  const [busy, setBusy] = useState(false);
  async function invite(form: HTMLFormElement) {
    setMessage(undefined);
    const data = Object.fromEntries(new FormData(form));
    setBusy(true);
    try {
      const res = await fetch(`/api/respond/${token}/colleagues`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(data),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) {
        // Each field error names its field ("Colleague's name …", "Colleague's email …").
        const fieldErrors = Object.values(body.fieldErrors ?? {}).flat() as string[];
        return setMessage({
          text: fieldErrors.join(" ") || body.error || "The invitation failed.",
          ok: false,
        });
      }
      setMessage({ text: `Invitation sent to ${body.data.email}.`, ok: true });
      form.reset();
    } catch {
      setMessage({ text: "No connection: try again in a moment.", ok: false });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      aria-label="Invite a colleague"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void invite(e.currentTarget);
      }}
    >
      <p className="text-sm text-slate-600">
        Send a colleague their own link to this questionnaire. You see each other's answers as they
        are saved.
      </p>
      <label className="block text-sm font-medium text-slate-800">
        Colleague's name (optional)
        <input
          name="name"
          maxLength={120}
          className="mt-1 block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
        />
      </label>
      <label className="block text-sm font-medium text-slate-800">
        Colleague's email
        <input
          name="email"
          type="email"
          required
          maxLength={254}
          className="mt-1 block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
        />
      </label>
      <SubmitButton
        plain
        pending={busy}
        pendingLabel="Sending…"
        className="rounded-md bg-white px-3 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
      >
        Send invitation
      </SubmitButton>
      <FormMessage message={message} />
    </form>
  );
}
