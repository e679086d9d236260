"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createApiTokenAction } from "@/lib/actions/api-tokens";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";
import {
  type TCreateApiToken,
  type TCreateApiTokenInput,
  ZCreateApiToken,
} from "@/lib/schemas/api-token";

export function ApiTokenCreateForm() {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const { field, message, onSubmit, submitting, getValues } = useActionForm<
    TCreateApiTokenInput,
    TCreateApiToken,
    { id: string; token: string }
  >({
    resolver: zodResolver(ZCreateApiToken),
    defaultValues: { role: "manager" },
    action: createApiTokenAction,
    afterSuccess: (data) => {
      setCreated({ name: getValues("name"), token: data.token });
      router.refresh();
    },
  });

  return (
    <div className="space-y-4">
      {created && (
        <section
          aria-labelledby="new-token-heading"
          className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200"
        >
          <h3 id="new-token-heading" className="font-semibold">
            Token “{created.name}” created
          </h3>
          <p>Copy it now: it is shown only once and cannot be read again.</p>
          <label htmlFor="new-token" className="mt-2 block font-medium">
            New API token
          </label>
          <input
            id="new-token"
            readOnly
            value={created.token}
            className="mt-1 w-full rounded-md border-0 bg-white px-2 py-1 font-mono text-xs ring-1 ring-slate-300"
            onFocus={(e) => e.currentTarget.select()}
          />
        </section>
      )}
      <ActionForm label="Create an API token" message={message} onSubmit={onSubmit}>
        <TextField
          id="token-name"
          label="Name"
          hint="What uses it, e.g. GRC sync"
          {...field("name")}
        />
        <SelectField
          id="token-role"
          label="Role"
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          {...field("role")}
        />
        <TextField
          id="token-expires"
          label="Expires after (optional)"
          type="date"
          hint="The last day it works (UTC). Empty: until revoked."
          {...field("expiresOn")}
        />
        <SubmitButton pending={submitting} pendingLabel="Creating…">
          Create token
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
