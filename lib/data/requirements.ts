import { z } from "zod";
import { parseRequirements } from "../questionnaires/answers-schema";
import { ZOrgPolicy } from "../scoring/policy";
import { resolveRequirements, type TResolvedRequirements } from "../scoring/tiers";

// An assessment's requirements, worked out in one place: the tier's defaults, then the
// organisation's policy for the tier, then the assessment's own fields. The result is stored on
// the assessment when it is sent and again at submit (lib/portal/submit.ts), and every reader —
// the review page, the vendor portal, the PDF, the engine at submit — takes the stored result,
// so a flag that says "your organisation's policy: 300 km" never sits beside a card saying
// 100 km. Assessments sent before results were stored are resolved the same way on reading.

// The stored shape, checked on reading so a hand-edited row cannot crash a page.
const ZStoredResolved = z.looseObject({
  tier: z.string(),
  allowed_countries: z.array(z.string()),
  sources: z.record(z.string(), z.string()),
  min_separation_km: z.number(),
  max_test_age_months: z.number(),
});

export type TResolveAssessmentInput = {
  /** The assessment's own requirements as stored (the overrides as typed). */
  requirements: unknown;
  /** The organisation's policy as stored; an invalid one is ignored, as the engine does. */
  policy: unknown;
};

/** Tier defaults ← organisation policy ← the assessment's own fields; undefined if invalid. */
export function resolveAssessmentRequirements({
  requirements,
  policy,
}: TResolveAssessmentInput): TResolvedRequirements | undefined {
  const own = parseRequirements({ input: requirements });
  if (!own.ok) return undefined;
  const p = ZOrgPolicy.safeParse(policy ?? {});
  return resolveRequirements({ requirements: own.value, policy: p.success ? p.data : undefined });
}

export type TReadResolvedInput = TResolveAssessmentInput & {
  /** Assessment.resolvedRequirements: what was worked out when it was sent or submitted. */
  stored: unknown;
};

/** The requirements every reader shows: the stored result, or (older rows) resolved now. */
export function readResolvedRequirements({
  stored,
  requirements,
  policy,
}: TReadResolvedInput): TResolvedRequirements | undefined {
  if (stored && ZStoredResolved.safeParse(stored).success) return stored as TResolvedRequirements;
  return resolveAssessmentRequirements({ requirements, policy });
}

/** The fields whose value differs between two resolutions, e.g. a policy changed before submit. */
export function diffResolved(
  before: TResolvedRequirements,
  after: TResolvedRequirements,
): { field: string; before: unknown; after: unknown }[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete("sources");
  keys.delete("policy_reason");
  const out: { field: string; before: unknown; after: unknown }[] = [];
  for (const k of [...keys].sort()) {
    const b = (before as Record<string, unknown>)[k];
    const a = (after as Record<string, unknown>)[k];
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field: k, before: b, after: a });
  }
  return out;
}
