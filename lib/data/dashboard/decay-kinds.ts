// The evidence whose age the decay clocks watch (the questionnaire's date questions). A pure
// module: the dashboard's client components import it without pulling in the database.
export const DECAY_KINDS = {
  dr_test_last_date: "DR test",
  restore_test_last_date: "Restore test",
  plan_last_reviewed_date: "Plan review",
} as const;
export type TDecayKind = keyof typeof DECAY_KINDS;
