import { getFindingOp, updateFindingStatusOp } from "@/lib/api/operations/findings";

// One /api/v1 operation per method: see lib/api/operations/ (auth, schema, handler).
export const GET = getFindingOp.handler;
export const PATCH = updateFindingStatusOp.handler;
