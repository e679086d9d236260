import fc from "fast-check";
import {
  COUNTRY_NAMES,
  getQuestions,
  type TQuestion,
  type TRequirements,
} from "@/lib/questionnaires";
import { PLAN_SCENARIOS, type TAnswers, type TSite } from "@/lib/rules";
import { QUESTIONNAIRE } from "@/tests/unit/engine/helpers";

// Schema-valid answers built from the questionnaire itself, biased towards the cases rules
// care about: sites clustered within a few km, shared facilities, dates around as-of.

const COUNTRIES = Object.keys(COUNTRY_NAMES);
const dateArb = fc
  .date({
    min: new Date("2000-01-01T00:00:00Z"),
    max: new Date("2035-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

const siteArb = (id: string): fc.Arbitrary<TSite> =>
  fc.record(
    {
      id: fc.constant(id),
      name: fc.constantFrom("Main", "Standby", "Vault", ""),
      role: fc.constantFrom("primary", "secondary", "backup", "processing"),
      provider: fc.constantFrom("Acme", "acme ", "Vault Co", ""),
      city: fc.constant("City"),
      country: fc.constantFrom("DE", "IE", "NL", "US", "GB"),
      // A few anchors plus offsets up to ~2 km, 150 km or anywhere on the globe.
      lat: fc.oneof(
        fc.double({ min: 48, max: 48.02, noNaN: true }),
        fc.double({ min: 48, max: 49.5, noNaN: true }),
        fc.double({ min: -90, max: 90, noNaN: true }),
      ),
      lon: fc.oneof(fc.constant(7), fc.double({ min: -180, max: 180, noNaN: true })),
      facility: fc.constantFrom("PA-1", "pa-1", "B2", " ", ""),
      region: fc.constant("eu-west-1"),
    },
    { requiredKeys: ["id", "name", "role", "provider", "city", "country", "lat", "lon"] },
  );

const sitesArb: fc.Arbitrary<TSite[]> = fc
  .integer({ min: 0, max: 5 })
  .chain((n) =>
    n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => siteArb(`s${i}`))),
  );

function valueArb(question: TQuestion): fc.Arbitrary<unknown> | null {
  const options = (question.options ?? []).map((o) => o.value);
  switch (question.type) {
    case "yesno":
      return fc.constantFrom("yes", "no", "unknown");
    case "choice":
      return fc.constantFrom(...options);
    case "multi":
      return fc.subarray(options);
    case "number":
      if (question.integer) return fc.integer({ min: question.min ?? 0, max: 20 });
      return fc.oneof(
        fc.integer({ min: question.min ?? 0, max: 2000 }),
        fc.double({
          min: question.min ?? 0,
          max: question.max ?? 1e6,
          noNaN: true,
          noDefaultInfinity: true,
        }),
      );
    case "date":
      return dateArb;
    case "text":
      return fc.string();
    case "parties":
      return fc.array(
        fc.record({
          name: fc.string(),
          service: fc.string(),
          country: fc.constantFrom(...COUNTRIES),
        }),
        { maxLength: 3 },
      );
    default:
      return null; // sites and siterefs are generated together below
  }
}

const questions = getQuestions({ questionnaire: QUESTIONNAIRE });
const simple: Record<string, fc.Arbitrary<unknown>> = {};
for (const q of questions) {
  const arb = valueArb(q);
  if (arb) simple[q.id] = arb;
}

export const YESNO_IDS = questions.filter((q) => q.type === "yesno").map((q) => q.id);
/** Multi-choice questions that offer "unknown" (shared hazards, unstaged changes, ...). */
export const MULTI_UNKNOWN_IDS = questions
  .filter((q) => q.type === "multi" && q.options?.some((o) => o.value === "unknown"))
  .map((q) => q.id);

export const answersArb: fc.Arbitrary<TAnswers> = fc
  .tuple(
    fc.record(simple, { requiredKeys: [] }),
    fc.option(sitesArb, { nil: undefined }),
    fc.boolean(),
  )
  .chain(([rest, sites, withRefs]) => {
    const base: Record<string, unknown> = { ...rest };
    if (sites === undefined) return fc.constant(base as TAnswers);
    base.sites = sites;
    if (!withRefs) return fc.constant(base as TAnswers);
    return fc
      .subarray(sites.map((s) => s.id))
      .map((ids) => ({ ...base, backup_site_ids: ids }) as TAnswers);
  });

export const requirementsArb: fc.Arbitrary<TRequirements> = fc.record(
  {
    tier: fc.constantFrom("critical", "high", "moderate", "low"),
    rto_minutes: fc.integer({ min: 0, max: 5000 }),
    rpo_minutes: fc.integer({ min: 0, max: 2000 }),
    min_separation_km: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500, noNaN: true })),
    max_test_age_months: fc.integer({ min: 0, max: 36 }),
    allowed_countries: fc.subarray(["DE", "IE", "NL", "US", "GB", "FR"]),
    min_immutable_retention_days: fc.integer({ min: 0, max: 120 }),
    max_notification_hours: fc.oneof(
      fc.integer({ min: 0, max: 96 }),
      fc.double({ min: 0, max: 96, noNaN: true }),
    ),
    min_power_autonomy_hours: fc.integer({ min: 0, max: 120 }),
    min_failover_staff_count: fc.integer({ min: 0, max: 6 }),
    plan_must_cover: fc.subarray([...PLAN_SCENARIOS]),
  },
  { requiredKeys: ["tier"] },
);

export const asOfArb = dateArb;
