"use server";

import { changeUserRole, resetUserSessions, setUserActive } from "../data/users";
import { ZChangeRole, ZSetActive, ZUserId } from "../schemas/user";
import { defineAction, type TRevalidate } from "./define";

const revalidate: TRevalidate[] = ["/admin/users"];

export const changeUserRoleAction = defineAction({
  permission: "user:manage",
  input: ZChangeRole,
  revalidate,
  run: async ({ input, user }) => {
    await changeUserRole({ orgId: user.orgId, actorId: user.id, ...input });
    return { ok: true as const };
  },
});

export const setUserActiveAction = defineAction({
  permission: "user:manage",
  input: ZSetActive,
  revalidate,
  run: async ({ input, user }) => {
    await setUserActive({ orgId: user.orgId, actorId: user.id, ...input });
    return { ok: true as const };
  },
});

export const resetUserSessionsAction = defineAction({
  permission: "user:manage",
  input: ZUserId,
  revalidate,
  run: async ({ input, user }) => {
    await resetUserSessions({ orgId: user.orgId, actorId: user.id, ...input });
    return { ok: true as const };
  },
});
