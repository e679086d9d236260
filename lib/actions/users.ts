"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "../authz";
import {
  changeUserRole,
  createUser,
  resetUserSessions,
  SelfLockoutError,
  setUserActive,
  UserConflictError,
} from "../data/users";
import { actionError, type TActionResult } from "../errors";
import { ZChangeRole, ZCreateUser, ZSetActive, ZUserId } from "../schemas/user";

// Every action: authorize → parse → write through lib/data → revalidate → return.
async function run<T>(fn: () => Promise<T>): Promise<TActionResult<T>> {
  try {
    const data = await fn();
    revalidatePath("/admin/users");
    return { data };
  } catch (e) {
    if (e instanceof UserConflictError)
      return { error: e.message, fieldErrors: { email: [e.message] }, status: 409 };
    if (e instanceof SelfLockoutError) return { error: e.message, status: 409 };
    return actionError(e);
  }
}

export async function createUserAction(input: unknown) {
  return run(async () => {
    const user = await requireUser({ permission: "user:manage" });
    const parsed = ZCreateUser.parse(input);
    const created = await createUser({ orgId: user.orgId, actorId: user.id, input: parsed });
    return { id: created.id };
  });
}

export async function changeUserRoleAction(input: unknown) {
  return run(async () => {
    const user = await requireUser({ permission: "user:manage" });
    const { userId, role } = ZChangeRole.parse(input);
    await changeUserRole({ orgId: user.orgId, actorId: user.id, userId, role });
    return { ok: true };
  });
}

export async function setUserActiveAction(input: unknown) {
  return run(async () => {
    const user = await requireUser({ permission: "user:manage" });
    const { userId, active } = ZSetActive.parse(input);
    await setUserActive({ orgId: user.orgId, actorId: user.id, userId, active });
    return { ok: true };
  });
}

export async function resetUserSessionsAction(input: unknown) {
  return run(async () => {
    const user = await requireUser({ permission: "user:manage" });
    const { userId } = ZUserId.parse(input);
    await resetUserSessions({ orgId: user.orgId, actorId: user.id, userId });
    return { ok: true };
  });
}
