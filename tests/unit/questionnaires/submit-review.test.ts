import { describe, expect, it } from "vitest";
import { toAnswers } from "@/lib/data/answer-rows";
import { getQuestionnaire, getSubmitReview } from "@/lib/questionnaires";

// The vendor's last review before submitting: what each section holds, which optional questions
// are left unanswered, and that a carried-over answer not yet confirmed is no answer yet.

const q = getQuestionnaire({ id: "bcdr-core", version: "1.1.0" })!;

describe("getSubmitReview", () => {
  it("counts each section's answers and lists unanswered questions, required apart", () => {
    const review = getSubmitReview({
      questionnaire: q,
      answers: { topology: "active_passive", backup_exists: "yes" },
    });
    const first = q.sections.find((s) => s.questions.some((x) => x.id === "topology"))!;
    expect(review.sections.find((s) => s.id === first.id)?.answered).toBe(1);
    expect(review.missingRequired.map((m) => m.id)).toContain("rto_minutes");
    expect(review.missingRequired.map((m) => m.id)).not.toContain("topology");
    const optional = q.sections.flatMap((s) => s.questions).filter((x) => !x.required);
    // Only the optional questions that show: the restore test's date, not the DR test's.
    expect(review.unansweredOptional.map((u) => u.id)).toContain("restore_test_last_date");
    expect(review.unansweredOptional.map((u) => u.id)).not.toContain("dr_test_last_date");
    expect(review.unansweredOptional.every((u) => optional.some((o) => o.id === u.id))).toBe(true);
  });

  it("leaves an answer awaiting confirmation out of the answers", () => {
    const answers = toAnswers([
      { questionId: "topology", value: "active_passive", awaitingConfirmation: true },
      { questionId: "rto_minutes", value: 60 },
    ]);
    expect(answers).toEqual({ rto_minutes: 60 });
    const review = getSubmitReview({ questionnaire: q, answers });
    expect(review.missingRequired.map((m) => m.id)).toContain("topology");
  });
});
