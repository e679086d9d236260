import { describe, expect, it } from "vitest";
import { roundsOf } from "@/lib/data/answer-rounds";

const t = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, minutes));
const rev = (minutes: number, value: unknown) => ({ createdAt: t(minutes), value });

describe("roundsOf", () => {
  it("takes the value at the request and at the resubmission, one round per reopening", () => {
    const rounds = roundsOf({
      requests: [
        { createdAt: t(30), resolvedAt: null },
        { createdAt: t(10), resolvedAt: t(20) },
      ],
      revisions: [rev(0, 30), rev(15, 7), rev(25, 9), rev(35, 12)],
      answer: { value: 12, createdAt: t(0) },
    });
    expect(rounds).toEqual([
      { requestedAt: t(10), before: { value: 30 }, after: 7, closed: true, changed: true },
      { requestedAt: t(30), before: { value: 9 }, after: 12, closed: false, changed: true },
    ]);
  });

  it("counts one change request naming a question twice as one round", () => {
    const rounds = roundsOf({
      requests: [
        { createdAt: t(10), resolvedAt: null },
        { createdAt: t(10), resolvedAt: null },
      ],
      revisions: [rev(0, "yes")],
      answer: { value: "yes", createdAt: t(0) },
    });
    expect(rounds).toEqual([
      { requestedAt: t(10), before: { value: "yes" }, after: "yes", closed: false, changed: false },
    ]);
  });

  it("an unanswered question reopened starts from no answer; a value without any record is unknown", () => {
    expect(
      roundsOf({
        requests: [{ createdAt: t(10), resolvedAt: null }],
        revisions: [rev(12, 4)],
        answer: { value: 4, createdAt: t(10) },
      })[0],
    ).toMatchObject({ before: { value: null }, after: 4, changed: true });
    expect(
      roundsOf({
        requests: [{ createdAt: t(10), resolvedAt: null }],
        revisions: [],
        answer: { value: 4, createdAt: t(0) },
      })[0],
    ).toMatchObject({ before: undefined, after: 4, changed: false });
  });
});
