"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateOrgSettingsAction } from "@/lib/actions/settings";
import { type TOrgSettings, type TStoredOrgSettings, ZOrgSettings } from "@/lib/schemas/settings";

export function SettingsForm({ initial }: { initial: TStoredOrgSettings }) {
  const router = useRouter();
  const { field, message, onSubmit, submitting } = useActionForm<
    z.input<typeof ZOrgSettings>,
    TOrgSettings
  >({
    resolver: zodResolver(ZOrgSettings),
    defaultValues: initial,
    action: updateOrgSettingsAction,
    successMessage: () => "Settings saved.",
    afterSuccess: () => router.refresh(),
  });

  return (
    <ActionForm label="Organisation settings" message={message} onSubmit={onSubmit}>
      <TextField id="org-name" label="Organisation name" {...field("name")} />
      <TextField
        id="org-support"
        label="Vendor support email"
        type="email"
        hint="Shown to vendors whose link has expired, so they know whom to ask."
        {...field("supportEmail")}
      />
      <TextField
        id="org-reminder"
        label="Reminder lead time (days before the due date)"
        type="number"
        inputMode="numeric"
        {...field("reminderDaysBefore")}
      />
      <TextField
        id="org-risk-months"
        label="Longest risk acceptance (months)"
        type="number"
        inputMode="numeric"
        hint="A risk manager may accept a finding's risk for at most this long; then it is open again."
        {...field("riskAcceptanceMaxMonths")}
      />
      <SubmitButton pending={submitting} pendingLabel="Saving…">
        Save settings
      </SubmitButton>
    </ActionForm>
  );
}
