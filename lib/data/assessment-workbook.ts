import { db } from "../db";
import { NotFoundError } from "../errors";
import { parseRequirements } from "../questionnaires";
import type { TRequirements } from "../questionnaires/answers-schema";
import type { TWorkbookInput } from "../spreadsheets/write";
import { toAnswers } from "./answer-rows";
import { readStoredQuestionnaire } from "./questionnaire-versions";

export type TGetAssessmentWorkbookInput = {
  orgId: string;
  assessmentId: string;
  /** Without the answers: the questionnaire and the buyer's requirements only. */
  blank?: boolean;
};

/**
 * The offline workbook's content for one assessment of the organisation (NotFoundError for any
 * other): its stored questionnaire version, its stored requirements and the confirmed answers
 * (toAnswers leaves out answers carried in and not yet confirmed by the vendor).
 */
export async function getAssessmentWorkbook({
  orgId,
  assessmentId,
  blank = false,
}: TGetAssessmentWorkbookInput): Promise<{ input: TWorkbookInput; vendorName: string }> {
  const a = await db.assessment.findFirst({
    where: { id: assessmentId, orgId },
    select: {
      requirements: true,
      questionnaireVersionId: true,
      questionnaireVersion: { select: { definition: true } },
      vendor: { select: { name: true } },
      answers: blank
        ? false
        : { select: { questionId: true, value: true, awaitingConfirmation: true } },
    },
  });
  if (!a) throw new NotFoundError("Assessment not found");
  const questionnaire = readStoredQuestionnaire({
    id: a.questionnaireVersionId,
    definition: a.questionnaireVersion.definition,
  });
  const requirements = parseRequirements({ input: a.requirements });
  return {
    input: {
      questionnaire,
      // Stored requirements that no longer parse are shown as stored rather than refused: the
      // sheet only lists them for the vendor to read.
      requirements: requirements.ok ? requirements.value : (a.requirements as TRequirements),
      answers: a.answers ? toAnswers(a.answers) : {},
    },
    vendorName: a.vendor.name,
  };
}
