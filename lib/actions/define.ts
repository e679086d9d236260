import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireUser, type TSessionUser } from "../authz";
import { actionError, type TActionResult } from "../errors";
import type { TPermission } from "../permissions";

/** A page (or a whole layout's subtree) whose cached render a successful action makes stale. */
export type TRevalidate = string | [path: string, type: "layout" | "page"];

export type TActionContext<S extends z.ZodType> = {
  input: z.output<S>;
  user: TSessionUser;
  /** The audit log's actor for this user. */
  actor: { kind: "user"; userId: string };
};

export type TActionSpec<S extends z.ZodType, R> = {
  /** Checked before the input is read: a role that may not act gets 403, never field errors. */
  permission: TPermission;
  /** The one schema of the action's input; its errors come back as field errors (400). */
  input: S;
  /**
   * The data function: organisation-scoped (`user.orgId`), writing its audit entry inside its
   * own transaction. Throw NotFoundError (404) or ConflictError (409) from lib/errors.ts.
   */
  run: (ctx: TActionContext<S>) => Promise<R>;
  revalidate?: readonly TRevalidate[];
  /** Runs for a user whose required two-factor set-up is still due (the set-up's own steps). */
  duringTwoFactorSetup?: boolean;
};

export type TAction<S extends z.ZodType, R> = (input: z.input<S>) => Promise<TActionResult<R>>;

const defined = new WeakSet<object>();

/** Whether `fn` was made by defineAction (the test over lib/actions/* checks every export). */
export function isDefinedAction(fn: unknown): boolean {
  return typeof fn === "function" && defined.has(fn);
}

/**
 * The one way to write a Server Action: session → permission → input schema → data function →
 * revalidate → `{ data }`, or `{ error, fieldErrors?, status }` (401, 403, 400, 404, 409).
 * Anything else thrown is a bug and reaches Next.js's error handling as a 500.
 */
export function defineAction<S extends z.ZodType, R>(spec: TActionSpec<S, R>): TAction<S, R> {
  const action = async (raw: z.input<S>): Promise<TActionResult<R>> => {
    try {
      const user = await requireUser({
        permission: spec.permission,
        duringTwoFactorSetup: spec.duringTwoFactorSetup,
      });
      const input = spec.input.parse(raw);
      const data = await spec.run({ input, user, actor: { kind: "user", userId: user.id } });
      for (const r of spec.revalidate ?? []) {
        if (typeof r === "string") revalidatePath(r);
        else revalidatePath(r[0], r[1]);
      }
      return { data };
    } catch (e) {
      return actionError(e);
    }
  };
  defined.add(action);
  return action;
}
