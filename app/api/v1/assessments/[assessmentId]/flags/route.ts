import { listFlagsOp } from "@/lib/api/operations/assessments";

// One /api/v1 operation per method: see lib/api/operations/ (auth, schema, handler).
export const GET = listFlagsOp.handler;
