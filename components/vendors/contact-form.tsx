"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addVendorContactAction } from "@/lib/actions/vendors";
import { type TVendorContact, ZVendorContact } from "@/lib/schemas/vendor";

export function ContactForm({ vendorId }: { vendorId: string }) {
  const router = useRouter();
  const { field, message, onSubmit, submitting } = useActionForm<
    z.input<typeof ZVendorContact>,
    TVendorContact
  >({
    resolver: zodResolver(ZVendorContact),
    action: (values) => addVendorContactAction({ vendorId, ...values }),
    resetOnSuccess: true,
    successMessage: (values) => `${values.name} was added.`,
    afterSuccess: () => router.refresh(),
  });
  return (
    <ActionForm label="Add a contact" message={message} onSubmit={onSubmit} className="space-y-3">
      <TextField id="c-name" label="Name" {...field("name")} />
      <TextField id="c-email" label="Email" type="email" {...field("email")} />
      <TextField id="c-title" label="Job title (optional)" {...field("title")} />
      <SubmitButton variant="secondary" pending={submitting}>
        Add contact
      </SubmitButton>
    </ActionForm>
  );
}
