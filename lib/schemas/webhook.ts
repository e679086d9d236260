import "@/lib/zod-config";
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "../webhooks/events";
import { zId, zText } from "./common";

const zUrl = zText({ label: "Endpoint URL", max: 2000, min: 1 }).refine(
  (v) => /^https?:\/\/[^\s]+$/i.test(v),
  "Endpoint URL must start with https:// or http://",
);

export const ZWebhookEndpointWrite = z.object({
  url: zUrl,
  description: zText({ label: "Description", max: 200 }).default(""),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Events: choose from the listed events" }), {
      error: "Events: choose at least one event",
    })
    .min(1, "Events: choose at least one event")
    .max(WEBHOOK_EVENT_TYPES.length)
    .transform((list) => [...new Set(list)]),
});
export type TWebhookEndpointWrite = z.infer<typeof ZWebhookEndpointWrite>;
export type TWebhookEndpointWriteInput = z.input<typeof ZWebhookEndpointWrite>;

export const ZUpdateWebhookEndpoint = ZWebhookEndpointWrite.extend({
  endpointId: zId("Endpoint"),
});
export type TUpdateWebhookEndpoint = z.infer<typeof ZUpdateWebhookEndpoint>;
export type TUpdateWebhookEndpointInput = z.input<typeof ZUpdateWebhookEndpoint>;

export const ZWebhookEndpointRef = z.object({ endpointId: zId("Endpoint") });
export const ZSetWebhookEndpointEnabled = ZWebhookEndpointRef.extend({
  enabled: z.boolean({ error: "Enabled must be true or false" }),
});
export const ZResendWebhookDelivery = z.object({ deliveryId: zId("Delivery") });
