"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { SelectField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { setTwoFactorRuleAction } from "@/lib/actions/identity";
import {
  type TTwoFactorRule,
  TWO_FACTOR_RULE_LABELS,
  TWO_FACTOR_RULES,
  ZTwoFactorRule,
} from "@/lib/schemas/identity";

/** Who must sign in with a code from an authenticator app after their password. */
export function TwoFactorRuleForm({ initial }: { initial: TTwoFactorRule }) {
  const router = useRouter();
  const { field, message, onSubmit, submitting } = useActionForm<TTwoFactorRule>({
    resolver: zodResolver(ZTwoFactorRule),
    defaultValues: initial,
    action: setTwoFactorRuleAction,
    successMessage: () => "Two-factor rule saved.",
    afterSuccess: () => router.refresh(),
  });
  return (
    <ActionForm label="Two-factor sign-in" message={message} onSubmit={onSubmit}>
      <SelectField
        id="two-factor-rule"
        label="Who must use two-factor sign-in"
        hint="Those who must and have not set it up are taken to set it up at their next sign-in."
        options={TWO_FACTOR_RULES.map((r) => ({ value: r, label: TWO_FACTOR_RULE_LABELS[r] }))}
        {...field("rule")}
      />
      <SubmitButton pending={submitting} pendingLabel="Saving…">
        Save two-factor rule
      </SubmitButton>
    </ActionForm>
  );
}
