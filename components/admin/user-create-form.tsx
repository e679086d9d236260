"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert, SelectField, TextField } from "@/components/ui/field";
import { applyServerErrors, callAction } from "@/components/ui/use-action-form";
import { createUserAction } from "@/lib/actions/users";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";
import { type TCreateUser, ZCreateUser } from "@/lib/schemas/user";

export function UserCreateForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TCreateUser>({
    resolver: zodResolver(ZCreateUser),
    defaultValues: { role: "procurement" },
  });

  async function onSubmit(values: TCreateUser) {
    setMessage(undefined);
    const result = await callAction(() => createUserAction(values));
    const error = applyServerErrors(result, setError);
    if (error) return setMessage({ text: error, tone: "error" });
    reset();
    setMessage({ text: `${values.name} can now sign in.`, tone: "success" });
    router.refresh();
  }

  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="space-y-4"
      aria-label="Add a user"
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      <TextField id="user-name" label="Name" error={errors.name?.message} {...register("name")} />
      <TextField
        id="user-email"
        label="Email"
        type="email"
        error={errors.email?.message}
        {...register("email")}
      />
      <SelectField
        id="user-role"
        label="Role"
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        error={errors.role?.message}
        {...register("role")}
      />
      <TextField
        id="user-password"
        label="Initial password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Share it privately."
        error={errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add user"}
      </Button>
    </form>
  );
}
