"use server";

import { revokeApiToken } from "../data/api-token-revoke";
import { createApiToken } from "../data/api-tokens";
import { ZCreateApiToken, ZRevokeApiToken } from "../schemas/api-token";
import { defineAction } from "./define";

const revalidate = ["/admin/api-tokens"];

/** The token comes back once, for the page to show; only its hash is kept. */
export const createApiTokenAction = defineAction({
  permission: "settings:manage",
  input: ZCreateApiToken,
  revalidate,
  run: ({ input, user }) => createApiToken({ orgId: user.orgId, actorId: user.id, input }),
});

export const revokeApiTokenAction = defineAction({
  permission: "settings:manage",
  input: ZRevokeApiToken,
  revalidate,
  run: async ({ input, user }) => {
    await revokeApiToken({ orgId: user.orgId, actorId: user.id, tokenId: input.tokenId });
    return { ok: true as const };
  },
});
