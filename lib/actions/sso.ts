"use server";

import { claimDomain, releaseDomain, updateSsoSettings } from "../data/org-sso";
import { ZDomain, ZSsoSettings } from "../schemas/sso";
import { defineAction, type TRevalidate } from "./define";

const revalidate: TRevalidate[] = ["/admin/settings"];

export const claimDomainAction = defineAction({
  permission: "settings:manage",
  input: ZDomain,
  revalidate,
  run: async ({ input, user }) => {
    await claimDomain({ orgId: user.orgId, actorId: user.id, domain: input.domain });
    return { ok: true as const };
  },
});

export const releaseDomainAction = defineAction({
  permission: "settings:manage",
  input: ZDomain,
  revalidate,
  run: async ({ input, user }) => {
    await releaseDomain({ orgId: user.orgId, actorId: user.id, domain: input.domain });
    return { ok: true as const };
  },
});

export const updateSsoSettingsAction = defineAction({
  permission: "settings:manage",
  input: ZSsoSettings,
  revalidate,
  run: async ({ input, user }) => {
    await updateSsoSettings({ orgId: user.orgId, actorId: user.id, input });
    return { ok: true as const };
  },
});
