"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireUser } from "../authz";
import { createAndSendAssessment } from "../data/assessments";
import { resendInvitation, revokeInvitation } from "../data/invitations";
import {
  acceptRisk,
  createFinding,
  decideAssessment,
  requestChanges,
  StateError,
  setFindingStatus,
} from "../data/review";
import { actionError, type TActionResult } from "../errors";
import type { TPermission } from "../permissions";
import {
  ZAcceptRisk,
  ZCreateAssessment,
  ZDecision,
  ZFinding,
  ZFindingStatus,
  ZInvitationRef,
  ZRequestChanges,
} from "../schemas/assessment";

type TUser = Awaited<ReturnType<typeof requireUser>>;

/**
 * authorize → parse → write through lib/data → revalidate → { data } | { error, fieldErrors }.
 * Authorization comes first: a role that may not act gets the refusal, never field errors.
 */
function action<S extends z.ZodType, R>(
  schema: S,
  permission: TPermission,
  write: (input: z.infer<S>, user: TUser) => Promise<R>,
) {
  return async (raw: unknown): Promise<TActionResult<R>> => {
    try {
      const user = await requireUser({ permission });
      const input = schema.parse(raw);
      const data = await write(input, user);
      revalidatePath("/assessments", "layout");
      revalidatePath("/vendors", "layout");
      return { data };
    } catch (e) {
      if (e instanceof StateError) return { error: e.message, status: 409 };
      return actionError(e);
    }
  };
}

const actor = (u: TUser) => ({ kind: "user" as const, userId: u.id });

export const createAssessmentAction = action(
  ZCreateAssessment,
  "assessment:send",
  async (input, u) => {
    const a = await createAndSendAssessment({ orgId: u.orgId, actorId: u.id, input });
    return { id: a.id };
  },
);

export const resendInvitationAction = action(
  ZInvitationRef,
  "assessment:send",
  async ({ invitationId }, u) => {
    await resendInvitation({ orgId: u.orgId, actor: actor(u), invitationId });
    return { ok: true };
  },
);

export const revokeInvitationAction = action(
  ZInvitationRef,
  "assessment:send",
  async ({ invitationId }, u) => {
    await revokeInvitation({ orgId: u.orgId, actor: actor(u), invitationId });
    return { ok: true };
  },
);

export const requestChangesAction = action(
  ZRequestChanges,
  "assessment:review",
  async (input, u) => {
    await requestChanges({
      orgId: u.orgId,
      actorId: u.id,
      assessmentId: input.assessmentId,
      items: input.items,
    });
    return { ok: true };
  },
);

export const decideAssessmentAction = action(ZDecision, "assessment:decide", async (input, u) => {
  await decideAssessment({ orgId: u.orgId, actorId: u.id, ...input });
  return { ok: true };
});

export const createFindingAction = action(ZFinding, "finding:write", async (input, u) => {
  const f = await createFinding({ orgId: u.orgId, actorId: u.id, input });
  return { id: f.id };
});

export const setFindingStatusAction = action(ZFindingStatus, "finding:write", async (input, u) => {
  await setFindingStatus({ orgId: u.orgId, actorId: u.id, ...input });
  return { ok: true };
});

export const acceptRiskAction = action(ZAcceptRisk, "risk:accept", async (input, u) => {
  await acceptRisk({ orgId: u.orgId, actorId: u.id, ...input });
  return { ok: true };
});
