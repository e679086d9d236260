import type { Metadata } from "next";
import { WebhookCreateForm } from "@/components/admin/webhook-create-form";
import { WebhookEndpoints } from "@/components/admin/webhook-endpoints";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { listWebhookEndpoints } from "@/lib/data/webhooks";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const user = await requirePageUser({ permission: "settings:manage" });
  const endpoints = await listWebhookEndpoints({ orgId: user.orgId });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Other systems are told of events as they happen: each event is POSTed as JSON, signed as Standard Webhooks does (webhook-id, webhook-timestamp, webhook-signature). Failed calls are retried after 10 s, 30 s, 2 min, 10 min, 1 h, 6 h and 24 h."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Endpoints">
            <WebhookEndpoints
              endpoints={endpoints.map((e) => ({
                id: e.id,
                url: e.url,
                description: e.description,
                events: e.events,
                enabled: e.enabled,
                disabledReason: e.disabledReason,
                consecutiveFailures: e.consecutiveFailures,
                attempts: e.attempts.map((a) => ({
                  id: a.id,
                  attempt: a.attempt,
                  at: a.at.toISOString(),
                  ok: a.ok,
                  responseCode: a.responseCode,
                  error: a.error,
                  durationMs: a.durationMs,
                  deliveryId: a.delivery.id,
                  eventType: a.delivery.event.type,
                  // Only the latest attempt of a delivery still waiting says when it retries.
                  nextAttemptAt:
                    !a.delivery.sentAt && a.attempt === a.delivery.attempts
                      ? iso(a.delivery.nextAttemptAt)
                      : null,
                })),
              }))}
            />
          </Card>
        </div>
        <Card title="Add an endpoint">
          <WebhookCreateForm />
        </Card>
      </div>
    </>
  );
}
