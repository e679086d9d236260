import { addContactOp, listContactsOp } from "@/lib/api/operations/vendors";

// One /api/v1 operation per method: see lib/api/operations/ (auth, schema, handler).
export const GET = listContactsOp.handler;
export const POST = addContactOp.handler;
