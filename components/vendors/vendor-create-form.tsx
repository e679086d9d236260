"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert, SelectField, TextField } from "@/components/ui/field";
import { applyServerErrors, callAction } from "@/components/ui/use-action-form";
import { createVendorAction, updateVendorAction } from "@/lib/actions/vendors";
import { type TVendor, type TVendorInput, ZVendor } from "@/lib/schemas/vendor";

const TIER_OPTIONS = [
  { value: "", label: "Choose…" },
  { value: "critical", label: "Critical" },
  { value: "high", label: "High" },
  { value: "moderate", label: "Moderate" },
  { value: "low", label: "Low" },
];

type TForm = Omit<TVendorInput, "services"> & { servicesText?: string };

type TFieldError = { message?: string } | undefined;

/** The list's own error ("At most 30 services"), else the first refused service's. */
function servicesError(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const own = (error as TFieldError)?.message;
  if (own) return own;
  return Object.values(error as Record<string, TFieldError>).find((e) => e?.message)?.message;
}

type TProps = {
  owners: { value: string; label: string }[];
  /** Editing an existing vendor: its id and current values. Without it the form creates one. */
  editing?: { vendorId: string; values: TVendor };
};

/** Creates a vendor, or edits one: the same fields, the same schema on both sides. */
export function VendorCreateForm({ owners, editing }: TProps) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TForm, unknown, TVendor>({
    defaultValues: editing
      ? { ...editing.values, servicesText: editing.values.services.join(", ") }
      : undefined,
    resolver: async (values, ctx, opts) => {
      const services = (values.servicesText ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      return zodResolver(ZVendor)({ ...values, services }, ctx, opts as never) as never;
    },
  });

  async function onSubmit(values: TVendor) {
    setMessage(undefined);
    const result = await callAction<unknown>(() =>
      editing ? updateVendorAction(editing.vendorId, values) : createVendorAction(values),
    );
    const error = applyServerErrors(result, setError);
    if (error) return setMessage({ text: error, tone: "error" });
    if (!editing) reset();
    setMessage({ text: `${values.name} was ${editing ? "saved" : "added"}.`, tone: "success" });
    router.refresh();
  }

  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="space-y-4"
      aria-label={editing ? "Edit vendor" : "Add a vendor"}
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      <TextField
        id="vendor-name"
        label="Vendor name"
        error={errors.name?.message}
        {...register("name")}
      />
      <SelectField
        id="vendor-tier"
        label="Criticality tier"
        options={TIER_OPTIONS}
        error={errors.tier?.message}
        {...register("tier")}
      />
      <TextField
        id="vendor-services"
        label="Services provided"
        hint="Separate services with commas, e.g. Payroll, Document storage"
        error={servicesError((errors as Record<string, unknown>).services)}
        {...register("servicesText")}
      />
      <SelectField
        id="vendor-owner"
        label="Internal owner"
        options={[{ value: "", label: "No owner yet" }, ...owners]}
        error={errors.ownerId?.message}
        {...register("ownerId")}
      />
      <TextField
        id="vendor-website"
        label="Website (optional)"
        error={errors.website?.message}
        {...register("website")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : editing ? "Save changes" : "Add vendor"}
      </Button>
    </form>
  );
}
