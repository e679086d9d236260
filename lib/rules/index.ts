// Public API of the rules engine.

// Calendar dates: the app-wide toolkit, part of the engine's public API.
export * from "@/lib/dates";
export * from "@/lib/rules/condition-schema";
export * from "@/lib/rules/conditions";
export { RULES, type TRuleDefinition } from "@/lib/rules/definitions";
export * from "@/lib/rules/engine";
export * from "@/lib/rules/facts";
export * from "@/lib/rules/geo";
export * from "@/lib/rules/operators";
export * from "@/lib/rules/report-text";
export * from "@/lib/rules/types";
