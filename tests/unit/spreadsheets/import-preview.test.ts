import { describe, expect, it } from "vitest";
import { getQuestionnaire } from "@/lib/questionnaires/registry";
import {
  describeAnswer,
  describeWorkbookProblem,
  diffWorkbookAnswers,
} from "@/lib/spreadsheets/import-preview";

// What a workbook import previews: problems in a vendor's words (sheet, row, the question's
// label), and the answers it changes — never one its blank cell would clear.

const questionnaire = getQuestionnaire({ id: "bcdr-core", version: "1.1.0" })!;
const question = (id: string) =>
  questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === id);

describe("describeWorkbookProblem", () => {
  it("names the sheet, the row, the question's label and the entry of a list", () => {
    expect(
      describeWorkbookProblem({
        questionnaire,
        error: {
          path: 'sheet "Sites", row 3, answers.sites[1].lat',
          expected: "a number from -90 to 90 (latitude)",
          found: '"north"',
        },
      }),
    ).toEqual({
      sheet: "Sites",
      row: "3",
      question: `${question("sites")!.label} (entry 2, lat)`,
      message: 'Expected a number from -90 to 90 (latitude); found "north".',
    });
  });

  it("says what the file is when the file as a whole is refused", () => {
    expect(
      describeWorkbookProblem({
        error: {
          path: "FILE",
          expected: "an Excel workbook (.xlsx)",
          found: "a file that is not a workbook",
        },
      }),
    ).toEqual({
      sheet: null,
      row: null,
      question: null,
      message: "The file is a file that is not a workbook. Upload an Excel workbook (.xlsx).",
    });
  });
});

describe("diffWorkbookAnswers", () => {
  const current = [
    { questionId: "rto_minutes", value: 30, version: 2, awaitingConfirmation: false },
    { questionId: "rpo_minutes", value: 5, version: 1, awaitingConfirmation: false },
    { questionId: "topology", value: "active_passive", version: 1, awaitingConfirmation: true },
  ];

  it("lists changed and newly given answers, and carried answers the workbook confirms", () => {
    const changes = diffWorkbookAnswers({
      questionnaire,
      current,
      incoming: {
        rto_minutes: 60,
        rpo_minutes: 5,
        topology: "active_passive",
        dr_test_last_date: "2026-06-30",
      },
    });
    expect(changes.map((c) => [c.questionId, c.from, c.to, c.baseVersion, c.awaiting])).toEqual(
      expect.arrayContaining([
        ["rto_minutes", "30", "60", 2, false],
        ["dr_test_last_date", "", "2026-06-30", 0, false],
        [
          "topology",
          describeAnswer(question("topology"), "active_passive"),
          describeAnswer(question("topology"), "active_passive"),
          1,
          true,
        ],
      ]),
    );
    expect(changes.map((c) => c.questionId)).not.toContain("rpo_minutes");
  });

  it("never clears an answer the workbook leaves blank", () => {
    expect(diffWorkbookAnswers({ questionnaire, current, incoming: {} })).toEqual([]);
  });
});
