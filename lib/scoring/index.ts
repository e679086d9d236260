// Public API of scoring: tier defaults, organisation policy, score and rating.
export * from "@/lib/scoring/policy";
export * from "@/lib/scoring/score";
export * from "@/lib/scoring/tiers";
