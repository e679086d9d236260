"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
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
  const { field, message, onSubmit, submitting, register, formState } = useActionForm<
    TForm,
    TVendor
  >({
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
    action: (values) =>
      editing
        ? updateVendorAction({ vendorId: editing.vendorId, ...values })
        : createVendorAction(values),
    resetOnSuccess: !editing,
    successMessage: (values) => `${values.name} was ${editing ? "saved" : "added"}.`,
    afterSuccess: () => router.refresh(),
  });

  return (
    <ActionForm
      label={editing ? "Edit vendor" : "Add a vendor"}
      message={message}
      onSubmit={onSubmit}
    >
      <TextField id="vendor-name" label="Vendor name" {...field("name")} />
      <SelectField
        id="vendor-tier"
        label="Criticality tier"
        options={TIER_OPTIONS}
        {...field("tier")}
      />
      <TextField
        id="vendor-services"
        label="Services provided"
        hint="Separate services with commas, e.g. Payroll, Document storage"
        error={servicesError((formState.errors as Record<string, unknown>).services)}
        {...register("servicesText")}
      />
      <SelectField
        id="vendor-owner"
        label="Internal owner"
        options={[{ value: "", label: "No owner yet" }, ...owners]}
        {...field("ownerId")}
      />
      <TextField id="vendor-website" label="Website (optional)" {...field("website")} />
      <SubmitButton pending={submitting} pendingLabel="Saving…">
        {editing ? "Save changes" : "Add vendor"}
      </SubmitButton>
    </ActionForm>
  );
}
