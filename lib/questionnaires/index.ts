// Public API of the questionnaire layer: loading, visibility, answer validation.
export * from "@/lib/questionnaires/answers-schema";
export * from "@/lib/questionnaires/assessment-file";
export * from "@/lib/questionnaires/countries";
export * from "@/lib/questionnaires/errors";
export * from "@/lib/questionnaires/questionnaire-schema";
export * from "@/lib/questionnaires/registry";
export * from "@/lib/questionnaires/submit-review";
export * from "@/lib/questionnaires/values";
export * from "@/lib/questionnaires/visibility";
