"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createWebhookEndpointAction } from "@/lib/actions/webhooks";
import {
  type TWebhookEndpointWrite,
  type TWebhookEndpointWriteInput,
  ZWebhookEndpointWrite,
} from "@/lib/schemas/webhook";
import { WebhookEventChoices } from "./webhook-event-choices";
import { SecretOnce } from "./webhook-secret-once";

export function WebhookCreateForm() {
  const router = useRouter();
  const [created, setCreated] = useState<{ url: string; secret: string }>();
  const { field, message, onSubmit, submitting, getValues, register, formState } = useActionForm<
    TWebhookEndpointWriteInput,
    TWebhookEndpointWrite,
    { id: string; secret: string }
  >({
    resolver: zodResolver(ZWebhookEndpointWrite),
    defaultValues: { events: ["assessment.submitted"], description: "" },
    action: createWebhookEndpointAction,
    afterSuccess: (data) => {
      setCreated({ url: getValues("url"), secret: data.secret });
      router.refresh();
    },
  });
  const eventsError = formState.errors.events?.message;

  return (
    <div className="space-y-4">
      {created && <SecretOnce title={`Endpoint ${created.url} added`} secret={created.secret} />}
      <ActionForm label="Add a webhook endpoint" message={message} onSubmit={onSubmit}>
        <TextField
          id="webhook-url"
          label="Endpoint URL"
          hint="Where the events are POSTed, e.g. https://grc.example.com/hooks/resilience"
          {...field("url")}
        />
        <TextField
          id="webhook-description"
          label="Description (optional)"
          hint="What receives it, e.g. GRC sync"
          {...field("description")}
        />
        <WebhookEventChoices id="webhook" register={register("events")} error={eventsError} />
        <SubmitButton pending={submitting} pendingLabel="Adding…">
          Add endpoint
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
