import { createFindingOp, listFindingsOp } from "@/lib/api/operations/findings";

// One /api/v1 operation per method: see lib/api/operations/ (auth, schema, handler).
export const GET = listFindingsOp.handler;
export const POST = createFindingOp.handler;
