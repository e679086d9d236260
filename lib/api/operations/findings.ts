import { z } from "zod";
import { findFindingRow, listAssessmentFindings } from "../../data/api-reads";
import { createFinding, setFindingStatus } from "../../data/review";
import {
  ZFindingRead,
  ZFindingStatusWrite,
  ZFindingWrite,
} from "../../schemas/canonical/assessment";
import { apiBy } from "../actor";
import { checkIfMatch, defineOperation, etagOf, json } from "../define";
import { toFinding } from "../serialize";

const tag = "Findings";

export const listFindingsOp = defineOperation({
  id: "listFindings",
  method: "GET",
  path: "/assessments/{assessmentId}/findings",
  summary: "List an assessment's findings",
  tag,
  permission: "finding:read",
  response: { status: 200, schema: z.object({ data: z.array(ZFindingRead) }) },
  run: async ({ caller, params }) => {
    const rows = await listAssessmentFindings({
      orgId: caller.orgId,
      assessmentId: params.assessmentId!,
    });
    return json({ data: rows.map(toFinding) });
  },
});

export const createFindingOp = defineOperation({
  id: "createFinding",
  method: "POST",
  path: "/assessments/{assessmentId}/findings",
  summary: "Raise a finding on an assessment (from one of its flags, or on its own)",
  tag,
  permission: "finding:write",
  body: ZFindingWrite,
  response: { status: 201, schema: ZFindingRead },
  run: async ({ caller, params, body }) => {
    const input = { ...body, assessmentId: params.assessmentId! };
    const f = await createFinding({ orgId: caller.orgId, ...apiBy(caller), input });
    return json(toFinding(f), { status: 201, etag: etagOf(f.updatedAt) });
  },
});

export const getFindingOp = defineOperation({
  id: "getFinding",
  method: "GET",
  path: "/findings/{findingId}",
  summary: "Read a finding (its ETag is the version If-Match names)",
  tag,
  permission: "finding:read",
  response: { status: 200, schema: ZFindingRead },
  run: async ({ caller, params }) => {
    const f = await findFindingRow({ orgId: caller.orgId, findingId: params.findingId! });
    return json(toFinding(f), { etag: etagOf(f.updatedAt) });
  },
});

export const updateFindingStatusOp = defineOperation({
  id: "updateFindingStatus",
  method: "PATCH",
  path: "/findings/{findingId}",
  summary: "Change a finding's status (If-Match: its ETag; 412 when it changed meanwhile)",
  tag,
  permission: "finding:write",
  body: ZFindingStatusWrite,
  ifMatch: true,
  response: { status: 200, schema: ZFindingRead },
  run: async ({ caller, params, body, req }) => {
    const scope = { orgId: caller.orgId, findingId: params.findingId! };
    const f = await findFindingRow(scope);
    const ifVersion = checkIfMatch(req, f.updatedAt);
    await setFindingStatus({ ...scope, ...apiBy(caller), ...body, ifVersion });
    const after = await findFindingRow(scope);
    return json(toFinding(after), { etag: etagOf(after.updatedAt) });
  },
});
