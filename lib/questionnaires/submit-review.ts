import type { TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import { getVisibleQuestions, isAnswered } from "@/lib/questionnaires/visibility";
import type { TAnswers } from "@/lib/rules/types";

export type TSubmitReview = {
  /** Each section with visible questions: how many of them are answered. */
  sections: { id: string; title: string; answered: number; total: number }[];
  /** Visible optional questions left unanswered, in form order. */
  unansweredOptional: { id: string; label: string }[];
  /** Visible required questions left unanswered: the server will refuse the submit. */
  missingRequired: { id: string; label: string }[];
};

export type TGetSubmitReviewInput = {
  questionnaire: TQuestionnaire;
  /** What the vendor has answered (carried answers not yet confirmed left out). */
  answers: TAnswers;
  /** Which questions show, by the answers on screen (carried ones included). */
  visibleBy?: TAnswers;
};

/** What the vendor is about to send, for the last review before submitting. */
export function getSubmitReview({
  questionnaire,
  answers,
  visibleBy = answers,
}: TGetSubmitReviewInput): TSubmitReview {
  const visible = new Set(
    getVisibleQuestions({ questionnaire, answers: visibleBy }).map((q) => q.id),
  );
  const review: TSubmitReview = { sections: [], unansweredOptional: [], missingRequired: [] };
  for (const s of questionnaire.sections) {
    const qs = s.questions.filter((q) => visible.has(q.id));
    if (!qs.length) continue;
    let answered = 0;
    for (const q of qs) {
      if (isAnswered({ question: q, answers })) answered++;
      else (q.required ? review.missingRequired : review.unansweredOptional).push(q);
    }
    review.sections.push({ id: s.id, title: s.title, answered, total: qs.length });
  }
  const brief = ({ id, label }: { id: string; label: string }) => ({ id, label });
  review.unansweredOptional = review.unansweredOptional.map(brief);
  review.missingRequired = review.missingRequired.map(brief);
  return review;
}
