"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { Table } from "@/components/ui/table";
import { callAction } from "@/components/ui/use-action-form";
import {
  deleteWebhookEndpointAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  setWebhookEndpointEnabledAction,
} from "@/lib/actions/webhooks";
import type { TActionResult } from "@/lib/errors";
import { type TWebhookEvent, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { WebhookEditForm } from "./webhook-edit-form";
import { SecretOnce } from "./webhook-secret-once";

export type TWebhookAttemptRow = {
  id: string;
  attempt: number;
  at: string;
  ok: boolean;
  responseCode: number | null;
  error: string | null;
  durationMs: number;
  deliveryId: string;
  eventType: string;
  /** When the delivery's next attempt goes; null when it was sent or given up. */
  nextAttemptAt: string | null;
};

export type TWebhookEndpointRow = {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  attempts: TWebhookAttemptRow[];
};

type TAsk = { kind: "delete" | "rotate"; endpoint: TWebhookEndpointRow };

export function WebhookEndpoints({ endpoints }: { endpoints: TWebhookEndpointRow[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();
  const [asking, setAsking] = useState<TAsk>();
  const [secret, setSecret] = useState<{ url: string; secret: string }>();

  function act<T>(call: () => Promise<TActionResult<T>>, done: string, after?: (d: T) => void) {
    startTransition(async () => {
      const result = await callAction(call);
      setAsking(undefined);
      if (result.error) setMessage({ text: result.error, tone: "error" });
      else {
        setMessage({ text: done, tone: "success" });
        after?.(result.data as T);
      }
      router.refresh();
    });
  }

  if (!endpoints.length) return <p className="text-sm text-slate-600">No endpoints yet.</p>;
  return (
    <div className="space-y-6">
      <FormAlert message={message?.text} tone={message?.tone} />
      {secret && <SecretOnce title={`New secret for ${secret.url}`} secret={secret.secret} />}
      {endpoints.map((e) => (
        <section
          key={e.id}
          aria-labelledby={`endpoint-${e.id}`}
          className="space-y-3 border-b border-slate-200 pb-6 last:border-0"
        >
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={`endpoint-${e.id}`} className="break-all font-mono text-sm font-semibold">
              {e.url}
            </h3>
            {e.enabled ? (
              <Badge tone="low">Enabled</Badge>
            ) : (
              <Badge tone="high">{e.disabledReason ? "Turned off by failures" : "Off"}</Badge>
            )}
          </div>
          {e.description && <p className="text-sm text-slate-700">{e.description}</p>}
          {!e.enabled && e.disabledReason && (
            <p className="text-sm text-red-700">
              Turned off automatically after {e.disabledReason}. Fix the receiver, turn it on and
              send the failed deliveries again.
            </p>
          )}
          <p className="text-sm text-slate-700">
            Events: {e.events.map((t) => WEBHOOK_EVENTS[t as TWebhookEvent] ?? t).join(", ")}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              disabled={pending}
              aria-label={`${e.enabled ? "Turn off" : "Turn on"} ${e.url}`}
              onClick={() =>
                act(
                  () => setWebhookEndpointEnabledAction({ endpointId: e.id, enabled: !e.enabled }),
                  `${e.url} is ${e.enabled ? "off" : "on"}.`,
                )
              }
            >
              {e.enabled ? "Turn off" : "Turn on"}
            </Button>
            <Button
              variant="secondary"
              disabled={pending}
              aria-label={`Rotate the signing secret of ${e.url}`}
              onClick={() => setAsking({ kind: "rotate", endpoint: e })}
            >
              Rotate secret
            </Button>
            <Button
              variant="danger"
              disabled={pending}
              aria-label={`Delete ${e.url}`}
              onClick={() => setAsking({ kind: "delete", endpoint: e })}
            >
              Delete
            </Button>
          </div>
          <details>
            <summary className="cursor-pointer text-sm font-medium text-indigo-800">
              Edit {e.url}
            </summary>
            <div className="mt-3 max-w-lg">
              <WebhookEditForm endpoint={e} />
            </div>
          </details>
          <Table
            caption={`Delivery attempts to ${e.url}`}
            captionVisible
            rows={e.attempts}
            rowKey={(a) => a.id}
            empty="No attempts yet."
            columns={[
              { header: "Time", rowHeader: true, cell: (a) => <LocalTime iso={a.at} /> },
              { header: "Event", cell: (a) => a.eventType },
              { header: "Attempt", cell: (a) => a.attempt },
              {
                header: "Result",
                cell: (a) =>
                  a.ok ? <Badge tone="low">Delivered</Badge> : <Badge tone="high">Failed</Badge>,
              },
              { header: "HTTP code", cell: (a) => a.responseCode ?? "—" },
              {
                header: "Error",
                cell: (a) => (a.error ? <span className="break-all text-xs">{a.error}</span> : "—"),
              },
              {
                header: "Next",
                cell: (a) =>
                  a.nextAttemptAt ? (
                    <span>
                      retry <LocalTime iso={a.nextAttemptAt} />
                    </span>
                  ) : (
                    "—"
                  ),
              },
              {
                header: "Actions",
                cell: (a) => (
                  <Button
                    variant="ghost"
                    disabled={pending}
                    aria-label={`Send ${a.eventType} of attempt ${a.attempt} again`}
                    onClick={() =>
                      act(
                        () => resendWebhookDeliveryAction({ deliveryId: a.deliveryId }),
                        `${a.eventType} will be sent again within seconds.`,
                      )
                    }
                  >
                    Send again
                  </Button>
                ),
              },
            ]}
          />
        </section>
      ))}
      <ConfirmDialog
        open={asking !== undefined}
        title={
          asking?.kind === "delete"
            ? `Delete ${asking.endpoint.url}?`
            : `Rotate the secret of ${asking?.endpoint.url}?`
        }
        confirmLabel={asking?.kind === "delete" ? "Yes, delete it" : "Yes, make a new secret"}
        cancelLabel="Keep it"
        pending={pending}
        onCancel={() => setAsking(undefined)}
        onConfirm={() => {
          if (!asking) return;
          const { endpoint } = asking;
          if (asking.kind === "delete")
            act(
              () => deleteWebhookEndpointAction({ endpointId: endpoint.id }),
              `${endpoint.url} was deleted.`,
            );
          else
            act(
              () => rotateWebhookSecretAction({ endpointId: endpoint.id }),
              `${endpoint.url} has a new signing secret.`,
              (d) => setSecret({ url: endpoint.url, secret: d.secret }),
            );
        }}
      >
        <p>
          {asking?.kind === "delete"
            ? "It receives nothing more; its log and the deliveries not yet sent are deleted."
            : "The old secret stops working at once: the receiver must use the new one."}
        </p>
      </ConfirmDialog>
    </div>
  );
}
