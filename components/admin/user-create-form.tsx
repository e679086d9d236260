"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createUserAction } from "@/lib/actions/users";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";
import { NEW_PASSWORD_MIN } from "@/lib/schemas/common";
import { type TCreateUser, ZCreateUser } from "@/lib/schemas/user";

export function UserCreateForm() {
  const router = useRouter();
  const { field, message, onSubmit, submitting } = useActionForm<TCreateUser>({
    resolver: zodResolver(ZCreateUser),
    defaultValues: { role: "procurement" },
    action: createUserAction,
    resetOnSuccess: true,
    successMessage: (values) => `${values.name} can now sign in.`,
    afterSuccess: () => router.refresh(),
  });

  return (
    <ActionForm label="Add a user" message={message} onSubmit={onSubmit}>
      <TextField id="user-name" label="Name" {...field("name")} />
      <TextField id="user-email" label="Email" type="email" {...field("email")} />
      <SelectField
        id="user-role"
        label="Role"
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        {...field("role")}
      />
      <TextField
        id="user-password"
        label="Initial password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${NEW_PASSWORD_MIN} characters. Share it privately.`}
        {...field("password")}
      />
      <SubmitButton pending={submitting} pendingLabel="Adding…">
        Add user
      </SubmitButton>
    </ActionForm>
  );
}
