import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAnswers, parseRequirements } from "@/lib/questionnaires";
import { assessAnswers, compareFlags, SEVERITY_RANK, type TAnswers } from "@/lib/rules";
import { computeScore, getRating } from "@/lib/scoring";
import {
  answersArb,
  asOfArb,
  MULTI_UNKNOWN_IDS,
  requirementsArb,
  YESNO_IDS,
} from "@/tests/unit/engine/arbitraries";
import { QUESTIONNAIRE } from "@/tests/unit/engine/helpers";

const RATING_RANK = { low: 0, medium: 1, high: 2, critical: 3 } as const;
const QUESTION_IDS = new Set(QUESTIONNAIRE.sections.flatMap((s) => s.questions.map((q) => q.id)));
/** Questions whose "yes" opens other rules: changing them may swap findings for a critical one. */
const GATES: Record<string, string> = { backup_exists: "NO_BACKUPS", plan_exists: "NO_BCDR_PLAN" };
/**
 * Contract 1.1 silences: a code that stays silent while another covers the same fact. When
 * "unknown" raises the covering code, the covered one may go.
 */
const COVERED_BY: Record<string, readonly string[]> = {
  RECOVERY_NEEDS_PRIMARY: ["SHARED_CONTROL_PLANE"],
  IMMUTABLE_RETENTION_SHORT: ["BACKUPS_MUTABLE"],
  MEASURED_RECOVERY_EXCEEDS_RTO: ["DR_TEST_FAILED_OBJECTIVES"],
};
/**
 * Codes that only a "yes" opens: the retention of protected copies is judged only when a
 * protected copy is confirmed; "unknown" confirms none (BACKUPS_MUTABLE judges that).
 */
const OPENED_BY_YES: Record<string, readonly string[]> = {
  backup_immutable: ["IMMUTABLE_RETENTION_SHORT"],
  backup_offline_copy: ["IMMUTABLE_RETENTION_SHORT"],
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe("engine properties", () => {
  it("never throws on answers the schema accepts, and reports consistently", () => {
    fc.assert(
      fc.property(answersArb, requirementsArb, asOfArb, (answers, requirements, asOf) => {
        expect(parseAnswers({ questionnaire: QUESTIONNAIRE, input: answers }).ok).toBe(true);
        expect(parseRequirements({ input: requirements }).ok).toBe(true);
        const frozen = deepFreeze(structuredClone(answers));
        const result = assessAnswers({
          questionnaire: QUESTIONNAIRE,
          requirements,
          answers: frozen,
          asOf,
        });
        expect(result).toEqual(
          assessAnswers({ questionnaire: QUESTIONNAIRE, requirements, answers, asOf }),
        );
        expect(Number.isInteger(result.score) && result.score >= 0 && result.score <= 100).toBe(
          true,
        );
        expect(result.rating).toBe(getRating({ flags: result.flags }));
        expect(result.score).toBe(computeScore({ flags: result.flags }));
        expect(result.score === 100).toBe(result.flags.length === 0);
        expect([...result.flags].sort(compareFlags)).toEqual(result.flags);
        expect(new Set(result.flags.map((f) => f.code)).size).toBe(result.flags.length);
        for (const flag of result.flags) {
          expect(flag.detail).not.toMatch(/undefined|NaN|null|\[object/);
          expect(flag.detail.length).toBeGreaterThan(20);
          expect(flag.questions.length).toBeGreaterThan(0);
          for (const id of flag.questions) expect(QUESTION_IDS.has(id), id).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  // For a yes/no question q answered "yes" or "no" that no raised flag names, the answer
  // contributes no finding. Saying "unknown" instead must then never look better: each
  // rule either ignores q or treats "unknown" as failing, so every earlier finding stays
  // (same code, same severity) and the rating cannot drop. The two gate questions open
  // other rules when "yes"; "unknown" closes them but raises a critical flag of its own.
  // The same holds for a multi-choice answer that offers "unknown" (1.1: unstaged changes,
  // single-source suppliers, recovery dependencies; v1: shared hazards, backup dependencies):
  // a passing list replaced by ["unknown"]. A failing list is not compared: the contract
  // gives "unknown" a lower severity than a listed risk.
  it("replacing an answer that raises no flag by unknown never lowers the rating", () => {
    let checked = 0;
    let checkedMulti = 0;
    fc.assert(
      fc.property(answersArb, requirementsArb, asOfArb, (answers, requirements, asOf) => {
        const before = assessAnswers({ questionnaire: QUESTIONNAIRE, requirements, answers, asOf });
        const candidates: [string, unknown][] = [
          ...YESNO_IDS.filter((q) => answers[q] === "yes" || answers[q] === "no").map(
            (q): [string, unknown] => [q, "unknown"],
          ),
          ...MULTI_UNKNOWN_IDS.filter((q) => answers[q] !== undefined).map(
            (q): [string, unknown] => [q, ["unknown"]],
          ),
        ];
        for (const [q, unknown] of candidates) {
          if (before.flags.some((f) => f.questions.includes(q))) continue;
          if (Array.isArray(unknown)) checkedMulti++;
          else checked++;
          const changed = { ...answers, [q]: unknown } as TAnswers;
          const after = assessAnswers({
            questionnaire: QUESTIONNAIRE,
            requirements,
            answers: changed,
            asOf,
          });
          expect(RATING_RANK[after.rating], q).toBeGreaterThanOrEqual(RATING_RANK[before.rating]);
          if (q in GATES) {
            expect(after.rating).toBe("critical");
            continue;
          }
          for (const flag of before.flags) {
            const still = after.flags.find((f) => f.code === flag.code);
            expect(still && SEVERITY_RANK[still.severity], `${q}: ${flag.code}`).toBe(
              SEVERITY_RANK[flag.severity],
            );
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(300);
    expect(checkedMulti).toBeGreaterThan(100);
  });

  // "unknown" counts as the failing answer: whatever finding "yes" or "no" raises, "unknown"
  // raises too, at the same severity or at the rule's own "unknown" severity (medium at the
  // lowest). The exception is a gate: "unknown" closes the rules behind it, and its own
  // critical code (NO_BACKUPS / NO_BCDR_PLAN) speaks instead.
  it("unknown never passes where a definite answer fails", () => {
    fc.assert(
      fc.property(
        answersArb,
        requirementsArb,
        asOfArb,
        fc.constantFrom(...YESNO_IDS),
        (answers, requirements, asOf, q) => {
          const assess = (value: string) =>
            assessAnswers({
              questionnaire: QUESTIONNAIRE,
              requirements,
              answers: { ...answers, [q]: value },
              asOf,
            });
          const unknown = assess("unknown");
          const yes = assess("yes");
          for (const definite of [yes, assess("no")]) {
            const raisedInUnknown = new Set<string>(unknown.flags.map((f) => f.code));
            for (const flag of definite.flags) {
              const same = unknown.flags.find((f) => f.code === flag.code);
              if (!same && GATES[q] && raisedInUnknown.has(GATES[q])) continue;
              if (!same && COVERED_BY[flag.code]?.some((c) => raisedInUnknown.has(c))) continue;
              if (!same && definite === yes && OPENED_BY_YES[q]?.includes(flag.code)) continue;
              const floor = Math.min(SEVERITY_RANK[flag.severity], SEVERITY_RANK.medium);
              expect(same && SEVERITY_RANK[same.severity] >= floor, `${q}: ${flag.code}`).toBe(
                true,
              );
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
