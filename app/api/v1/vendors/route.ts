import { createVendorOp, listVendorsOp } from "@/lib/api/operations/vendors";

// One /api/v1 operation per method: see lib/api/operations/ (auth, schema, handler).
export const GET = listVendorsOp.handler;
export const POST = createVendorOp.handler;
