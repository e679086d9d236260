import { z } from "zod";
import {
  findAssessmentRow,
  listAssessmentAnswers,
  listAssessmentFlags,
  listAssessmentsPage,
} from "../../data/api-reads";
import type { TApiCaller } from "../../data/api-tokens";
import { cancelAssessment } from "../../data/assessment-lifecycle";
import { createAndSendAssessment } from "../../data/assessments";
import { resendInvitation, revokeInvitation } from "../../data/invitations";
import { decideAssessment } from "../../data/review";
import {
  ZAssessmentCreate,
  ZAssessmentRead,
  ZCancelWrite,
  ZDecisionWrite,
  ZFlagRead,
  ZPageQuery,
  zPageOf,
} from "../../schemas/canonical/assessment";
import { zId } from "../../schemas/common";
import { apiActor, apiBy } from "../actor";
import { defineOperation, json } from "../define";
import { toAssessment } from "../serialize";
import { pageSize } from "./vendors";

const tag = "Assessments";

const STATUSES = ZAssessmentRead.shape.status;

async function readAssessment(caller: TApiCaller, assessmentId: string, status = 200) {
  const a = await findAssessmentRow({ orgId: caller.orgId, assessmentId });
  return json(toAssessment(a), {
    status,
    ...(status === 201 ? { location: `/api/v1/assessments/${a.id}` } : {}),
  });
}

export const listAssessmentsOp = defineOperation({
  id: "listAssessments",
  method: "GET",
  path: "/assessments",
  summary: "List assessments, filtered by vendor or status, one page at a time",
  tag,
  permission: "assessment:read",
  query: ZPageQuery.extend({ vendorId: zId("vendorId").optional(), status: STATUSES.optional() }),
  response: { status: 200, schema: zPageOf(ZAssessmentRead) },
  run: async ({ caller, query }) => {
    const { data, nextCursor } = await listAssessmentsPage({
      orgId: caller.orgId,
      ...query,
      limit: pageSize(query.limit),
    });
    return json({ data: data.map(toAssessment), nextCursor });
  },
});

export const createAssessmentOp = defineOperation({
  id: "createAssessment",
  method: "POST",
  path: "/assessments",
  summary: "Create an assessment with its requirements and send its link to the vendor",
  tag,
  permission: "assessment:send",
  body: ZAssessmentCreate,
  response: { status: 201, schema: ZAssessmentRead },
  run: async ({ caller, body }) => {
    // As the send form stores it: no list is an empty list (no country restriction).
    const requirements = {
      ...body.requirements,
      allowed_countries: body.requirements.allowed_countries ?? [],
    };
    const input = { ...body, requirements };
    const a = await createAndSendAssessment({
      orgId: caller.orgId,
      ...apiBy(caller),
      input,
    });
    return readAssessment(caller, a.id, 201);
  },
});

export const getAssessmentOp = defineOperation({
  id: "getAssessment",
  method: "GET",
  path: "/assessments/{assessmentId}",
  summary: "Read an assessment: its status, requirements, dates and vendor links",
  tag,
  permission: "assessment:read",
  response: { status: 200, schema: ZAssessmentRead },
  run: ({ caller, params }) => readAssessment(caller, params.assessmentId!),
});

export const cancelAssessmentOp = defineOperation({
  id: "cancelAssessment",
  method: "POST",
  path: "/assessments/{assessmentId}/cancel",
  summary: "Cancel an undecided assessment, with the reason (its vendor links stop working)",
  tag,
  permission: "assessment:send",
  body: ZCancelWrite,
  response: { status: 200, schema: ZAssessmentRead },
  run: async ({ caller, params, body }) => {
    const assessmentId = params.assessmentId!;
    await cancelAssessment({ orgId: caller.orgId, actor: apiActor(caller), assessmentId, ...body });
    return readAssessment(caller, assessmentId);
  },
});

export const decideAssessmentOp = defineOperation({
  id: "decideAssessment",
  method: "POST",
  path: "/assessments/{assessmentId}/decision",
  summary: "Accept or reject a submitted assessment",
  tag,
  permission: "assessment:decide",
  body: ZDecisionWrite,
  response: { status: 200, schema: ZAssessmentRead },
  run: async ({ caller, params, body }) => {
    const assessmentId = params.assessmentId!;
    await decideAssessment({ orgId: caller.orgId, ...apiBy(caller), assessmentId, ...body });
    return readAssessment(caller, assessmentId);
  },
});

export const resendInvitationOp = defineOperation({
  id: "resendInvitation",
  method: "POST",
  path: "/invitations/{invitationId}/resend",
  summary: "Send a vendor link again: a fresh link replaces the old one",
  tag,
  permission: "assessment:send",
  response: {
    status: 200,
    schema: z.object({ invitationId: z.string(), resent: z.literal(true) }),
  },
  run: async ({ caller, params }) => {
    const invitationId = params.invitationId!;
    await resendInvitation({ orgId: caller.orgId, actor: apiActor(caller), invitationId });
    return json({ invitationId, resent: true });
  },
});

export const revokeInvitationOp = defineOperation({
  id: "revokeInvitation",
  method: "POST",
  path: "/invitations/{invitationId}/revoke",
  summary: "Revoke a vendor link (and the colleague links invited through it)",
  tag,
  permission: "assessment:send",
  response: {
    status: 200,
    schema: z.object({
      invitationId: z.string(),
      revoked: z.literal(true),
      colleagues: z.number(),
    }),
  },
  run: async ({ caller, params }) => {
    const invitationId = params.invitationId!;
    const r = await revokeInvitation({
      orgId: caller.orgId,
      actor: apiActor(caller),
      invitationId,
    });
    return json({ invitationId, revoked: true, colleagues: r.colleagues });
  },
});

export const ZAnswerRead = z
  .object({
    questionId: z.string(),
    value: z.unknown().describe("The answer, in the questionnaire's value format (bcdr-core)"),
    awaitingConfirmation: z.boolean(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Answer" });

export const listAnswersOp = defineOperation({
  id: "listAnswers",
  method: "GET",
  path: "/assessments/{assessmentId}/answers",
  summary: "Read the vendor's answers",
  tag,
  permission: "assessment:read",
  response: { status: 200, schema: z.object({ data: z.array(ZAnswerRead) }) },
  run: async ({ caller, params }) => {
    const rows = await listAssessmentAnswers({
      orgId: caller.orgId,
      assessmentId: params.assessmentId!,
    });
    return json({ data: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })) });
  },
});

export const listFlagsOp = defineOperation({
  id: "listFlags",
  method: "GET",
  path: "/assessments/{assessmentId}/flags",
  summary: "Read the flags the rules raised on the answers",
  tag,
  permission: "assessment:read",
  response: { status: 200, schema: z.object({ data: z.array(ZFlagRead) }) },
  run: async ({ caller, params }) => {
    const flags = await listAssessmentFlags({
      orgId: caller.orgId,
      assessmentId: params.assessmentId!,
    });
    return json({
      data: flags.map(({ id, code, severity, title, detail, questions }) => ({
        id,
        code,
        severity,
        title,
        detail,
        questions,
      })),
    });
  },
});
