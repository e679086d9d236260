"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormAlert, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { callAction, type TFormMessage, useActionForm } from "@/components/ui/use-action-form";
import { claimDomainAction, releaseDomainAction, updateSsoSettingsAction } from "@/lib/actions/sso";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";
import { type TDomain, type TSsoSettingsInput, ZDomain, ZSsoSettings } from "@/lib/schemas/sso";

/** The organisation's claimed email domains: claim one, release one. */
export function DomainClaims({ domains }: { domains: string[] }) {
  const router = useRouter();
  const [releasing, startRelease] = useTransition();
  const [released, setReleased] = useState<TFormMessage>();
  const { field, message, onSubmit, submitting } = useActionForm<TDomain>({
    resolver: zodResolver(ZDomain),
    defaultValues: { domain: "" },
    action: claimDomainAction,
    resetOnSuccess: true,
    successMessage: (v) => `${v.domain} claimed.`,
    afterSuccess: () => router.refresh(),
  });

  function release(domain: string) {
    startRelease(async () => {
      const result = await callAction(() => releaseDomainAction({ domain }));
      setReleased(
        result.error
          ? { text: result.error, tone: "error" }
          : { text: `${domain} released.`, tone: "success" },
      );
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      <FormAlert message={released?.text} tone={released?.tone} />
      {domains.length === 0 ? (
        <p className="text-sm text-slate-600">No domain claimed.</p>
      ) : (
        <ul aria-label="Claimed domains" className="divide-y divide-slate-200 text-sm">
          {domains.map((d) => (
            <li key={d} className="flex items-center justify-between py-2">
              <span>{d}</span>
              <Button
                variant="danger"
                disabled={releasing}
                aria-label={`Release ${d}`}
                onClick={() => release(d)}
              >
                Release
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ActionForm label="Claim a domain" message={message} onSubmit={onSubmit}>
        <TextField
          id="sso-domain"
          label="Domain"
          hint="New users with a verified address of this domain join your organisation at their first single sign-on."
          {...field("domain")}
        />
        <SubmitButton pending={submitting} pendingLabel="Claiming…">
          Claim domain
        </SubmitButton>
      </ActionForm>
    </div>
  );
}

/** "Single sign-on required", its break-glass administrators, and the roles of new users. */
export function SsoSettingsForm({ initial }: { initial: TSsoSettingsInput }) {
  const router = useRouter();
  const { field, register, message, onSubmit, submitting } = useActionForm<TSsoSettingsInput>({
    // Checked here, sent as typed: the server parses the lines itself.
    resolver: zodResolver(ZSsoSettings, undefined, { raw: true }),
    defaultValues: initial,
    action: updateSsoSettingsAction,
    successMessage: () => "Single sign-on settings saved.",
    afterSuccess: () => router.refresh(),
  });

  return (
    <ActionForm label="Single sign-on settings" message={message} onSubmit={onSubmit}>
      <div className="flex items-start gap-2">
        <input
          id="sso-required"
          type="checkbox"
          className="mt-1"
          aria-describedby="sso-required-hint"
          {...register("required")}
        />
        <div>
          <label htmlFor="sso-required" className="text-sm font-medium text-slate-800">
            Single sign-on required
          </label>
          <p id="sso-required-hint" className="text-sm text-slate-600">
            Password sign-in is refused for everyone except the break-glass administrators below.
          </p>
        </div>
      </div>
      <TextAreaField
        id="sso-break-glass"
        label="Break-glass administrators"
        rows={2}
        hint="Email addresses of administrators who may still sign in with a password, one per line."
        {...field("breakGlassEmails")}
      />
      <SelectField
        id="sso-default-role"
        label="Role of a new user"
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        {...field("defaultRole")}
      />
      <TextAreaField
        id="sso-group-roles"
        label="Group to role mapping"
        rows={3}
        hint={`One "group = role" per line (roles: ${ROLES.join(", ")}); the first line naming one of a new user's groups gives the role.`}
        {...field("groupRoles")}
      />
      <SubmitButton pending={submitting} pendingLabel="Saving…">
        Save single sign-on settings
      </SubmitButton>
    </ActionForm>
  );
}
