"use server";

import { cancelAssessment, editDueDate } from "../data/assessment-lifecycle";
import { createAndSendAssessment } from "../data/assessments";
import { bulkSendAssessments } from "../data/bulk-send";
import { resendInvitation, revokeInvitation } from "../data/invitations";
import {
  acceptRisk,
  createFinding,
  decideAssessment,
  requestChanges,
  setFindingStatus,
} from "../data/review";
import {
  ZAcceptRisk,
  ZBulkSend,
  ZCancelAssessment,
  ZCreateAssessment,
  ZDecision,
  ZEditDueDate,
  ZFinding,
  ZFindingStatus,
  ZInvitationRef,
  ZRequestChanges,
} from "../schemas/assessment";
import { defineAction, type TRevalidate } from "./define";

const revalidate: TRevalidate[] = [
  ["/assessments", "layout"],
  ["/vendors", "layout"],
];

export const createAssessmentAction = defineAction({
  permission: "assessment:send",
  input: ZCreateAssessment,
  revalidate,
  run: async ({ input, user }) => {
    const a = await createAndSendAssessment({ orgId: user.orgId, actorId: user.id, input });
    return { id: a.id };
  },
});

export const bulkSendAssessmentsAction = defineAction({
  permission: "assessment:send",
  input: ZBulkSend,
  revalidate,
  run: ({ input, user }) => bulkSendAssessments({ orgId: user.orgId, actorId: user.id, input }),
});

export const resendInvitationAction = defineAction({
  permission: "assessment:send",
  input: ZInvitationRef,
  revalidate,
  run: async ({ input, user, actor }) => {
    await resendInvitation({ orgId: user.orgId, actor, ...input });
    return { ok: true as const };
  },
});

export const revokeInvitationAction = defineAction({
  permission: "assessment:send",
  input: ZInvitationRef,
  revalidate,
  run: async ({ input, user, actor }) => {
    await revokeInvitation({ orgId: user.orgId, actor, ...input });
    return { ok: true as const };
  },
});

export const requestChangesAction = defineAction({
  permission: "assessment:review",
  input: ZRequestChanges,
  revalidate,
  run: async ({ input, user }) => {
    await requestChanges({ orgId: user.orgId, actorId: user.id, ...input });
    return { ok: true as const };
  },
});

export const decideAssessmentAction = defineAction({
  permission: "assessment:decide",
  input: ZDecision,
  revalidate,
  run: async ({ input, user }) => {
    await decideAssessment({ orgId: user.orgId, actorId: user.id, ...input });
    return { ok: true as const };
  },
});

export const createFindingAction = defineAction({
  permission: "finding:write",
  input: ZFinding,
  revalidate,
  run: async ({ input, user }) => {
    const f = await createFinding({ orgId: user.orgId, actorId: user.id, input });
    return { id: f.id };
  },
});

export const setFindingStatusAction = defineAction({
  permission: "finding:write",
  input: ZFindingStatus,
  revalidate,
  run: async ({ input, user }) => {
    await setFindingStatus({ orgId: user.orgId, actorId: user.id, ...input });
    return { ok: true as const };
  },
});

export const acceptRiskAction = defineAction({
  permission: "risk:accept",
  input: ZAcceptRisk,
  revalidate,
  run: async ({ input, user }) => {
    await acceptRisk({ orgId: user.orgId, actorId: user.id, ...input });
    return { ok: true as const };
  },
});

export const editDueDateAction = defineAction({
  permission: "assessment:send",
  input: ZEditDueDate,
  revalidate: [...revalidate, "/dashboard"],
  run: ({ input, user, actor }) => editDueDate({ orgId: user.orgId, actor, ...input }),
});

export const cancelAssessmentAction = defineAction({
  permission: "assessment:send",
  input: ZCancelAssessment,
  revalidate: [...revalidate, "/dashboard"],
  run: ({ input, user, actor }) => cancelAssessment({ orgId: user.orgId, actor, ...input }),
});
