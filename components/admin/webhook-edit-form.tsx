"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateWebhookEndpointAction } from "@/lib/actions/webhooks";
import {
  type TUpdateWebhookEndpoint,
  type TUpdateWebhookEndpointInput,
  ZUpdateWebhookEndpoint,
} from "@/lib/schemas/webhook";
import { WebhookEventChoices } from "./webhook-event-choices";

/** Changes an endpoint's URL, description or events; its secret and log stay. */
export function WebhookEditForm({
  endpoint,
}: {
  endpoint: { id: string; url: string; description: string; events: string[] };
}) {
  const router = useRouter();
  const form = useActionForm<TUpdateWebhookEndpointInput, TUpdateWebhookEndpoint, { ok: true }>({
    resolver: zodResolver(ZUpdateWebhookEndpoint),
    defaultValues: {
      endpointId: endpoint.id,
      url: endpoint.url,
      description: endpoint.description,
      events: endpoint.events as TUpdateWebhookEndpointInput["events"],
    },
    action: updateWebhookEndpointAction,
    successMessage: () => "Endpoint saved.",
    afterSuccess: () => router.refresh(),
  });
  const id = `edit-${endpoint.id}`;
  return (
    <ActionForm label={`Edit ${endpoint.url}`} message={form.message} onSubmit={form.onSubmit}>
      <TextField id={`${id}-url`} label="Endpoint URL" {...form.field("url")} />
      <TextField
        id={`${id}-description`}
        label="Description (optional)"
        {...form.field("description")}
      />
      <WebhookEventChoices
        id={id}
        register={form.register("events")}
        error={form.formState.errors.events?.message}
      />
      <SubmitButton pending={form.submitting} pendingLabel="Saving…">
        Save endpoint
      </SubmitButton>
    </ActionForm>
  );
}
