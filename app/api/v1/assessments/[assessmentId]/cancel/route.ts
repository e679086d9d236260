import { cancelAssessmentOp } from "@/lib/api/operations/assessments";

// One /api/v1 operation per method: see lib/api/operations/ (auth, schema, handler).
export const POST = cancelAssessmentOp.handler;
