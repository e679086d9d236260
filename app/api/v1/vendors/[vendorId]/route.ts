import { getVendorOp, updateVendorOp } from "@/lib/api/operations/vendors";

// One /api/v1 operation per method: see lib/api/operations/ (auth, schema, handler).
export const GET = getVendorOp.handler;
export const PATCH = updateVendorOp.handler;
