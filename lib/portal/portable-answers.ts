import { z } from "zod";
import { recordAudit } from "../audit";
import { toAnswers } from "../data/answer-rows";
import { carryAnswersIn } from "../data/carry-answers";
import { loadStoredQuestionnaire } from "../data/questionnaire-versions";
import { db } from "../db";
import { describeFound } from "../questionnaires/errors";
import { splitAnswers } from "../questionnaires/extension/merge";
import { EDITABLE } from "./access";

// Portable answers (issue 22): a vendor takes the answers it gave one customer to another
// customer's questionnaire. The file is the `assess` answers format with the questionnaire's id
// and version — nothing else about the first customer (no requirements, no names, no evidence).
// Imported answers arrive awaiting the vendor's confirmation (carryAnswersIn), never over an
// answer the vendor has already given here.

/** The file: exactly these keys. */
export const ZPortableAnswers = z.strictObject(
  {
    questionnaire: z.string({ error: 'the questionnaire\'s id, e.g. "bcdr-core"' }),
    version: z.string({ error: 'the questionnaire\'s version, e.g. "1.1.0"' }),
    answers: z.record(z.string(), z.unknown(), { error: "an object of answers by question id" }),
  },
  { error: "a portable answers file: { questionnaire, version, answers }" },
);
export type TPortableAnswers = z.infer<typeof ZPortableAnswers>;

/** The link's answers as a portable file: the confirmed answers only. */
export async function exportPortableAnswers({
  assessmentId,
}: {
  assessmentId: string;
}): Promise<TPortableAnswers> {
  const a = await db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      questionnaireVersion: { select: { key: true, version: true } },
      answers: { select: { questionId: true, value: true, awaitingConfirmation: true } },
    },
  });
  return {
    questionnaire: a.questionnaireVersion.key,
    version: a.questionnaireVersion.version,
    // The customer's own questions (issue 19) stay with it: only core answers travel.
    answers: splitAnswers({ answers: toAnswers(a.answers) }).core as Record<string, unknown>,
  };
}

export type TImportResult =
  | {
      status: "imported";
      /** Imported, each awaiting the vendor's confirmation. */
      carried: string[];
      /** Already answered here: left as they are. */
      kept: string[];
      /** Not accepted by this questionnaire (unknown question or invalid value). */
      dropped: string[];
    }
  /** 400: the file is not a portable answers file (field: where). */
  | { status: "invalid"; error: string; field: string }
  /** 409: the questionnaire takes no import now. */
  | { status: "refused"; error: string };

/** Imports a portable answers file into the link's assessment. */
export async function importPortableAnswers({
  invitationId,
  assessmentId,
  input,
}: {
  invitationId: string;
  assessmentId: string;
  input: unknown;
}): Promise<TImportResult> {
  const file = ZPortableAnswers.safeParse(input);
  if (!file.success) {
    const issue = file.error.issues[0];
    const field = issue?.path.join(".") || "file";
    const error = `${field}: expected ${issue?.message ?? "a portable answers file"}`;
    return { status: "invalid", error, field };
  }
  return db.$transaction(async (tx): Promise<TImportResult> => {
    const a = await tx.assessment.findUniqueOrThrow({
      where: { id: assessmentId },
      select: {
        orgId: true,
        status: true,
        questionnaireVersionId: true,
        questionnaireVersion: { select: { key: true } },
        answers: { select: { questionId: true, value: true } },
      },
    });
    if (!EDITABLE.has(a.status) || a.status === "changes_requested")
      return {
        status: "refused",
        error:
          a.status === "changes_requested"
            ? "The reviewer reopened some questions: answer those here. An import is for a questionnaire not yet submitted."
            : "These answers were submitted: nothing can be imported any more.",
      };
    if (file.data.questionnaire !== a.questionnaireVersion.key)
      return {
        status: "invalid",
        field: "questionnaire",
        error: `questionnaire: expected "${a.questionnaireVersion.key}" (the file is for another questionnaire); found ${describeFound({ value: file.data.questionnaire })}`,
      };
    const answered = new Set(
      a.answers.filter((r) => r.value !== null && r.value !== undefined).map((r) => r.questionId),
    );
    const kept = Object.keys(file.data.answers)
      .filter((id) => answered.has(id))
      .sort();
    const fresh = Object.fromEntries(
      Object.entries(file.data.answers).filter(([id]) => !answered.has(id)),
    );
    const questionnaire = await loadStoredQuestionnaire({ id: a.questionnaireVersionId });
    const { carried, dropped } = await carryAnswersIn({
      tx,
      assessmentId,
      questionnaire,
      answers: fresh,
      source: "import",
    });
    await recordAudit({
      tx,
      orgId: a.orgId,
      actor: { kind: "vendor", invitationId },
      action: "answers.imported",
      targetType: "assessment",
      targetId: assessmentId,
      data: {
        from: `${file.data.questionnaire} ${file.data.version}`,
        carried: carried.length,
        kept: kept.length,
        dropped: dropped.length,
      },
    });
    return { status: "imported", carried, kept, dropped };
  });
}
