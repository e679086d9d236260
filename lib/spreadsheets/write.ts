import ExcelJS from "exceljs";
import type { TAssessmentFile } from "@/lib/questionnaires/assessment-file";
import type { TQuestion } from "@/lib/questionnaires/questionnaire-schema";
import {
  ABOUT_SHEET,
  ANSWER_COLUMN,
  EMPTY_LIST,
  LIST_REQUIREMENTS,
  LISTS_SHEET,
  listSheetOf,
  PARTIES_SHEET,
  PARTY_COLUMNS,
  REQUIREMENT_ROWS,
  REQUIREMENTS_SHEET,
  SECTION_COLUMNS,
  SITE_COLUMNS,
  SITES_SHEET,
  sectionSheetNames,
} from "./layout";

// The offline workbook (issue 22): blank or filled, for the vendor to answer in a spreadsheet
// program. Every value is written as what it is — text as text (dates too: ISO text, never an
// Excel serial number, which shifts with time zones), numbers as numbers — and the reader
// (./read.ts) gives back exactly the answers written. Nothing here is a formula.

/** The empty answers of a blank workbook: only the questionnaire and the requirements. */
export type TWorkbookInput = Omit<TAssessmentFile, "answers"> & {
  answers: Partial<TAssessmentFile["answers"]>;
};

const TEXT = "@";

function listText(values: readonly string[]): string {
  return values.length === 0 ? EMPTY_LIST : values.join(", ");
}

function answerCell(question: TQuestion, value: unknown): string | number | null {
  if (value === undefined) return null;
  const sheet = listSheetOf(question);
  if (sheet) return `See the ${sheet} sheet`;
  switch (question.type) {
    case "choice":
      return question.options?.find((o) => o.value === value)?.label ?? String(value);
    case "multi":
    case "siterefs":
      return listText(value as string[]);
    case "number":
      return value as number;
    default:
      return String(value);
  }
}

function help(question: TQuestion): string {
  const parts = [question.help ?? ""];
  if (question.type === "multi")
    parts.push(
      `Options (write their ids, comma-separated; "${EMPTY_LIST}" for none): ${(question.options ?? []).map((o) => `${o.value} = ${o.label}`).join("; ")}`,
    );
  if (question.type === "siterefs") parts.push("Site ids from the Sites sheet, comma-separated.");
  if (question.type === "date") parts.push("A date written as text: YYYY-MM-DD.");
  if (question.type === "yesno") parts.push("yes, no or unknown.");
  if (!question.required) parts.push("Optional.");
  return parts.filter(Boolean).join(" ");
}

function header(sheet: ExcelJS.Worksheet, columns: readonly string[]) {
  sheet.addRow([...columns]).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

export async function writeAnswersWorkbook(input: TWorkbookInput): Promise<Buffer> {
  const { questionnaire, requirements, answers } = input;
  const book = new ExcelJS.Workbook();
  book.creator = "BC/DR due diligence";

  const about = book.addWorksheet(ABOUT_SHEET);
  about.addRows([
    ["questionnaire", questionnaire.id],
    ["version", questionnaire.version],
    ["title", questionnaire.title],
    [
      "how to answer",
      "Answer in the Answer column of each section's sheet, and list sites and third parties on their own sheets. Leave a cell empty when you have no answer yet. Write dates as text, YYYY-MM-DD. Do not rename the sheets or change the question ids.",
    ],
  ]);
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 100;

  const reqs = book.addWorksheet(REQUIREMENTS_SHEET);
  header(reqs, ["Requirement", "Value", "Meaning"]);
  for (const { field, meaning } of REQUIREMENT_ROWS) {
    const value = (requirements as Record<string, unknown>)[field];
    const cell =
      value === undefined
        ? null
        : LIST_REQUIREMENTS.has(field)
          ? listText(value as string[])
          : (value as string | number);
    reqs.addRow([field, cell, meaning]);
  }
  reqs.getColumn(2).numFmt = TEXT;
  for (const [i, w] of [28, 24, 60].entries()) reqs.getColumn(i + 1).width = w;

  // Dropdown choices live on a hidden sheet: an inline list cannot hold labels with commas.
  const lists = book.addWorksheet(LISTS_SHEET, { state: "hidden" });
  let listColumn = 0;
  const dropdown = (values: readonly string[]) => {
    listColumn++;
    const col = lists.getColumn(listColumn);
    values.forEach((v, i) => {
      lists.getCell(i + 1, listColumn).value = v;
    });
    return `'${LISTS_SHEET}'!$${col.letter}$1:$${col.letter}$${values.length}`;
  };

  const names = sectionSheetNames(questionnaire);
  questionnaire.sections.forEach((section, s) => {
    const sheet = book.addWorksheet(names[s]);
    header(sheet, SECTION_COLUMNS);
    for (const question of section.questions) {
      const row = sheet.addRow([
        question.id,
        question.required ? `${question.label} (required)` : question.label,
        help(question),
        answerCell(question, answers[question.id]),
        question.unit ?? "",
      ]);
      const cell = row.getCell(ANSWER_COLUMN);
      if (question.type !== "number") cell.numFmt = TEXT;
      const options =
        question.type === "yesno"
          ? ["yes", "no", "unknown"]
          : question.type === "choice"
            ? (question.options ?? []).map((o) => o.label)
            : undefined;
      if (options)
        cell.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [dropdown(options)],
          showErrorMessage: true,
          errorTitle: "Pick from the list",
          error: "Choose one of the answers in the list.",
        };
      else if (question.type === "date")
        cell.dataValidation = {
          type: "textLength",
          operator: "equal",
          formulae: [10],
          allowBlank: true,
          showErrorMessage: true,
          showInputMessage: true,
          promptTitle: "Date",
          prompt: "Write the date as text: YYYY-MM-DD",
          errorTitle: "Date as YYYY-MM-DD",
          error: "Write the date as text, for example 2026-03-31.",
        };
      else if (question.type === "number")
        cell.dataValidation = {
          type: question.integer ? "whole" : "decimal",
          operator: "between",
          formulae: [question.min ?? -1e15, question.max ?? 1e15],
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: "A number",
          error: `Write a number${question.unit ? ` (${question.unit})` : ""}.`,
        };
      row.alignment = { wrapText: true, vertical: "top" };
    }
    for (const [i, w] of [26, 50, 70, 36, 10].entries()) sheet.getColumn(i + 1).width = w;
  });

  const sites = book.addWorksheet(SITES_SHEET);
  header(sites, SITE_COLUMNS);
  const parties = book.addWorksheet(PARTIES_SHEET);
  header(parties, PARTY_COLUMNS);
  for (const question of questionnaire.sections.flatMap((s) => s.questions)) {
    const sheet = question.type === "sites" ? sites : question.type === "parties" ? parties : null;
    const columns: readonly string[] = question.type === "sites" ? SITE_COLUMNS : PARTY_COLUMNS;
    const items = answers[question.id] as Record<string, unknown>[] | undefined;
    if (!sheet || !items) continue;
    for (const item of items) sheet.addRow(columns.map((c) => item[c] ?? null));
  }
  for (const sheet of [sites, parties])
    for (const [i, name] of (sheet === sites ? SITE_COLUMNS : PARTY_COLUMNS).entries()) {
      const col = sheet.getColumn(i + 1);
      col.width = 18;
      if (name !== "lat" && name !== "lon") col.numFmt = TEXT;
    }

  return Buffer.from(await book.xlsx.writeBuffer());
}
