"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";
import { applyServerErrors, callAction } from "@/components/ui/use-action-form";
import { updateOrgSettingsAction } from "@/lib/actions/settings";
import { type TOrgSettings, ZOrgSettings } from "@/lib/schemas/settings";

export function SettingsForm({ initial }: { initial: TOrgSettings }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TOrgSettings>({
    resolver: zodResolver(ZOrgSettings) as never,
    defaultValues: initial,
  });

  async function onSubmit(values: TOrgSettings) {
    setMessage(undefined);
    const result = await callAction(() => updateOrgSettingsAction(values));
    const error = applyServerErrors(result, setError);
    if (error) return setMessage({ text: error, tone: "error" });
    setMessage({ text: "Settings saved.", tone: "success" });
    router.refresh();
  }

  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="space-y-4"
      aria-label="Organisation settings"
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      <TextField
        id="org-name"
        label="Organisation name"
        error={errors.name?.message}
        {...register("name")}
      />
      <TextField
        id="org-support"
        label="Vendor support email"
        type="email"
        hint="Shown to vendors whose link has expired, so they know whom to ask."
        error={errors.supportEmail?.message}
        {...register("supportEmail")}
      />
      <TextField
        id="org-reminder"
        label="Reminder lead time (days before the due date)"
        type="number"
        inputMode="numeric"
        error={errors.reminderDaysBefore?.message}
        {...register("reminderDaysBefore")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
