"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { inviteUserAction } from "@/lib/actions/identity";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";
import { type TInviteUser, ZInviteUser } from "@/lib/schemas/identity";

/** An admin invites a colleague by email; they choose their own password from the link. */
export function UserInviteForm() {
  const router = useRouter();
  const { field, message, onSubmit, submitting } = useActionForm<TInviteUser>({
    resolver: zodResolver(ZInviteUser),
    defaultValues: { role: "procurement" },
    action: inviteUserAction,
    resetOnSuccess: true,
    successMessage: (values) => `Invitation sent to ${values.email}.`,
    afterSuccess: () => router.refresh(),
  });
  return (
    <ActionForm label="Invite a colleague" message={message} onSubmit={onSubmit}>
      <TextField id="invite-name" label="Name" {...field("name")} />
      <TextField id="invite-email" label="Email" type="email" {...field("email")} />
      <SelectField
        id="invite-role"
        label="Role"
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        {...field("role")}
      />
      <SubmitButton pending={submitting} pendingLabel="Sending…">
        Send invitation
      </SubmitButton>
    </ActionForm>
  );
}
