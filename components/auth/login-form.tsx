"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";
import { type TSignIn, ZSignIn } from "@/lib/schemas/auth";

export function LoginForm() {
  const [error, setError] = useState<string>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TSignIn>({ resolver: zodResolver(ZSignIn) });

  async function onSubmit(values: TSignIn) {
    setError(undefined);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (!res || res.error) {
      setError(
        res?.status === 429
          ? "Too many sign-in attempts. Wait a few minutes and try again."
          : "Email or password is incorrect.",
      );
      return;
    }
    // A full navigation so that every server component reads the new session.
    window.location.assign("/dashboard");
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4" aria-label="Sign in">
      <FormAlert message={error} />
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...register("email")}
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
