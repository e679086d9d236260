import { listAuditEventsOp } from "@/lib/api/operations/reports";

// One /api/v1 operation per method: see lib/api/operations/ (auth, schema, handler).
export const GET = listAuditEventsOp.handler;
