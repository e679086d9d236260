"use server";

import { z } from "zod";
import {
  confirmTotpEnrolment,
  disableTotp,
  setTwoFactorRule,
  startTotpEnrolment,
} from "../data/two-factor";
import { inviteUser, resendInvitation, revokeInvitation } from "../data/user-invitations";
import { ZInvitationId, ZInviteUser, ZTwoFactorCode, ZTwoFactorRule } from "../schemas/identity";
import { defineAction, type TRevalidate } from "./define";

const users: TRevalidate[] = ["/admin/users"];

export const inviteUserAction = defineAction({
  permission: "user:manage",
  input: ZInviteUser,
  revalidate: users,
  run: async ({ input, user }) => {
    const inv = await inviteUser({ orgId: user.orgId, actorId: user.id, input });
    return { id: inv.id };
  },
});

export const resendInvitationAction = defineAction({
  permission: "user:manage",
  input: ZInvitationId,
  revalidate: users,
  run: async ({ input, user }) => {
    await resendInvitation({ orgId: user.orgId, actorId: user.id, ...input });
    return { ok: true as const };
  },
});

export const revokeInvitationAction = defineAction({
  permission: "user:manage",
  input: ZInvitationId,
  revalidate: users,
  run: async ({ input, user }) => {
    await revokeInvitation({ orgId: user.orgId, actorId: user.id, ...input });
    return { ok: true as const };
  },
});

export const setTwoFactorRuleAction = defineAction({
  permission: "settings:manage",
  input: ZTwoFactorRule,
  revalidate: ["/admin/settings"],
  run: async ({ input, user }) => {
    await setTwoFactorRule({ orgId: user.orgId, actorId: user.id, rule: input.rule });
    return { ok: true as const };
  },
});

// The caller's own two-factor sign-in: the user always comes from the session.

export const startTotpEnrolmentAction = defineAction({
  permission: "profile:manage",
  input: z.object({}),
  duringTwoFactorSetup: true,
  run: async ({ user }) => {
    await startTotpEnrolment({ userId: user.id });
    return { ok: true as const };
  },
});

export const confirmTotpEnrolmentAction = defineAction({
  permission: "profile:manage",
  input: ZTwoFactorCode,
  duringTwoFactorSetup: true,
  // No revalidation: the page keeps showing the recovery codes, once; leaving it reloads.
  run: async ({ input, user }) =>
    confirmTotpEnrolment({ userId: user.id, orgId: user.orgId, code: input.code }),
});

export const disableTotpAction = defineAction({
  permission: "profile:manage",
  input: ZTwoFactorCode,
  revalidate: ["/two-factor", "/profile"],
  run: async ({ input, user }) => {
    await disableTotp({ userId: user.id, orgId: user.orgId, code: input.code });
    return { ok: true as const };
  },
});
