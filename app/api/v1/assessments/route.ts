import { createAssessmentOp, listAssessmentsOp } from "@/lib/api/operations/assessments";

// One /api/v1 operation per method: see lib/api/operations/ (auth, schema, handler).
export const GET = listAssessmentsOp.handler;
export const POST = createAssessmentOp.handler;
