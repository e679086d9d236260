"use server";

import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDelivery,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "../data/webhooks";
import {
  ZResendWebhookDelivery,
  ZSetWebhookEndpointEnabled,
  ZUpdateWebhookEndpoint,
  ZWebhookEndpointRef,
  ZWebhookEndpointWrite,
} from "../schemas/webhook";
import { defineAction } from "./define";

const revalidate = ["/admin/webhooks"];
const ok = { ok: true as const };

/** The signing secret comes back once, for the page to show; it is stored encrypted. */
export const createWebhookEndpointAction = defineAction({
  permission: "settings:manage",
  input: ZWebhookEndpointWrite,
  revalidate,
  run: ({ input, user }) => createWebhookEndpoint({ orgId: user.orgId, actorId: user.id, input }),
});

export const updateWebhookEndpointAction = defineAction({
  permission: "settings:manage",
  input: ZUpdateWebhookEndpoint,
  revalidate,
  run: async ({ input, user }) => {
    await updateWebhookEndpoint({ orgId: user.orgId, actorId: user.id, input });
    return ok;
  },
});

export const setWebhookEndpointEnabledAction = defineAction({
  permission: "settings:manage",
  input: ZSetWebhookEndpointEnabled,
  revalidate,
  run: async ({ input, user }) => {
    await setWebhookEndpointEnabled({ orgId: user.orgId, actorId: user.id, ...input });
    return ok;
  },
});

export const deleteWebhookEndpointAction = defineAction({
  permission: "settings:manage",
  input: ZWebhookEndpointRef,
  revalidate,
  run: async ({ input, user }) => {
    await deleteWebhookEndpoint({ orgId: user.orgId, actorId: user.id, ...input });
    return ok;
  },
});

export const rotateWebhookSecretAction = defineAction({
  permission: "settings:manage",
  input: ZWebhookEndpointRef,
  revalidate,
  run: ({ input, user }) => rotateWebhookSecret({ orgId: user.orgId, actorId: user.id, ...input }),
});

export const resendWebhookDeliveryAction = defineAction({
  permission: "settings:manage",
  input: ZResendWebhookDelivery,
  revalidate,
  run: async ({ input, user }) => {
    await resendWebhookDelivery({ orgId: user.orgId, actorId: user.id, ...input });
    return ok;
  },
});
