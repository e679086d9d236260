"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";
import { applyServerErrors, callAction } from "@/components/ui/use-action-form";
import { addVendorContactAction } from "@/lib/actions/vendors";
import { type TVendorContact, ZVendorContact } from "@/lib/schemas/vendor";

export function ContactForm({ vendorId }: { vendorId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof ZVendorContact>, unknown, TVendorContact>({
    resolver: zodResolver(ZVendorContact),
  });
  async function onSubmit(values: TVendorContact) {
    const result = await callAction(() => addVendorContactAction(vendorId, values));
    const error = applyServerErrors(result, setError);
    if (error) return setMessage({ text: error, tone: "error" });
    reset();
    setMessage({ text: `${values.name} was added.`, tone: "success" });
    router.refresh();
  }
  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="space-y-3"
      aria-label="Add a contact"
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      <TextField id="c-name" label="Name" error={errors.name?.message} {...register("name")} />
      <TextField
        id="c-email"
        label="Email"
        type="email"
        error={errors.email?.message}
        {...register("email")}
      />
      <TextField
        id="c-title"
        label="Job title (optional)"
        error={errors.title?.message}
        {...register("title")}
      />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        Add contact
      </Button>
    </form>
  );
}
