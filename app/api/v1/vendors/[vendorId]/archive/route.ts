import { archiveVendorOp } from "@/lib/api/operations/vendors";

// One /api/v1 operation per method: see lib/api/operations/ (auth, schema, handler).
export const POST = archiveVendorOp.handler;
