"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS } from "@/lib/webhooks/events";

/** The events an endpoint receives: a group of checkboxes with its own error line. */
export function WebhookEventChoices({
  id,
  register,
  error,
}: {
  id: string;
  register: UseFormRegisterReturn;
  error?: string;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-events-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">Events</legend>
      {WEBHOOK_EVENT_TYPES.map((t) => (
        <label key={t} className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" value={t} className="h-4 w-4" {...register} />
          {WEBHOOK_EVENTS[t]} <code className="text-xs text-slate-500">{t}</code>
        </label>
      ))}
      {error && (
        <p id={`${id}-events-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
