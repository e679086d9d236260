import ExcelJS from "exceljs";
import { parseAssessmentFile, type TAssessmentFile } from "@/lib/questionnaires/assessment-file";
import { describeFound, type TParseError, type TParseResult } from "@/lib/questionnaires/errors";
import type { TQuestion } from "@/lib/questionnaires/questionnaire-schema";
import { getQuestionnaire } from "@/lib/questionnaires/registry";
import {
  ABOUT_SHEET,
  ANSWER_COLUMN,
  EMPTY_LIST,
  LIST_REQUIREMENTS,
  PARTIES_SHEET,
  PARTY_COLUMNS,
  REQUIREMENT_ROWS,
  REQUIREMENTS_SHEET,
  SITE_COLUMNS,
  SITES_SHEET,
  sectionSheetNames,
} from "./layout";
import { checkWorkbookFile } from "./zip-guard";

// Reads an offline workbook (./write.ts) back into an `assess` file — values only: a formula
// anywhere is refused, never evaluated — and validates it with the one answers schema. Every
// problem names the sheet, the row and the question, in words a vendor can act on.

type TWhere = { sheet: string; row: number };

/** A cell's value as the reader takes it: text, a number, or nothing. */
type TCell = { text?: string; number?: number; date?: Date; formula?: true };

function readCell(value: ExcelJS.CellValue): TCell {
  if (value === null || value === undefined) return {};
  if (typeof value === "number") return { number: value };
  if (typeof value === "string") return value === "" ? {} : { text: value };
  if (typeof value === "boolean") return { text: value ? "yes" : "no" };
  if (value instanceof Date) return { date: value };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) return { formula: true };
    if ("richText" in value) return { text: value.richText.map((r) => r.text).join("") };
    if ("text" in value && typeof value.text === "string") return { text: value.text };
    if ("error" in value) return { text: String(value.error) };
  }
  return { text: String(value) };
}

/** An ISO day from a date cell a spreadsheet program made of typed text (its UTC day). */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A spreadsheet's day number (days since 1899-12-30) as an ISO day; other numbers stay numbers. */
function fromSerial(n: number): string | number {
  if (!Number.isInteger(n) || n < 1 || n > 2_958_465) return n;
  return isoDay(new Date(Date.UTC(1899, 11, 30) + n * 86_400_000));
}

function toList(cell: TCell): string[] | undefined {
  const text = cell.text ?? (cell.number !== undefined ? String(cell.number) : undefined);
  if (text === undefined) return undefined;
  if (text.trim() === EMPTY_LIST) return [];
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function toNumber(cell: TCell): unknown {
  if (cell.number !== undefined) return cell.number;
  if (cell.text === undefined) return undefined;
  const n = Number(cell.text.trim().replace(/,(?=\d{3}\b)/g, ""));
  return cell.text.trim() !== "" && Number.isFinite(n) ? n : cell.text;
}

function toText(cell: TCell): string | undefined {
  if (cell.date) return isoDay(cell.date);
  if (cell.number !== undefined) return String(cell.number);
  return cell.text;
}

function answerOf(question: TQuestion, cell: TCell): unknown {
  switch (question.type) {
    case "number":
      return toNumber(cell);
    case "multi":
    case "siterefs":
      return toList(cell);
    case "yesno": {
      const t = toText(cell)?.trim();
      return t === undefined ? undefined : t.toLowerCase();
    }
    case "choice": {
      const t = toText(cell)?.trim();
      if (t === undefined) return undefined;
      const option = question.options?.find(
        (o) => o.label.toLowerCase() === t.toLowerCase() || o.value === t,
      );
      return option?.value ?? t;
    }
    case "date":
      // A date typed into a spreadsheet program may come back as its day number.
      return cell.number !== undefined ? fromSerial(cell.number) : toText(cell)?.trim();
    default:
      return toText(cell);
  }
}

export type TReadWorkbookResult = TParseResult<TAssessmentFile>;

/** Reads a workbook's bytes into a checked `assess` file, or every problem with its place. */
export async function readAnswersWorkbook(bytes: Buffer): Promise<TReadWorkbookResult> {
  const guard = await checkWorkbookFile(bytes);
  if (!guard.ok) return guard;
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const found = `a file a spreadsheet program cannot open (${(error as Error).message})`;
    return { ok: false, errors: [{ path: "FILE", expected: "an .xlsx workbook", found }] };
  }

  const errors: TParseError[] = [];
  const places = new Map<string, TWhere>();
  const sheetOf = (name: string) => {
    const sheet = book.getWorksheet(name);
    if (!sheet)
      errors.push({
        path: `sheet "${name}"`,
        expected: "the sheet the downloaded workbook has (do not rename or delete sheets)",
        found: "no such sheet",
      });
    return sheet;
  };
  const cellAt = (sheet: ExcelJS.Worksheet, row: number, col: number): TCell => {
    const cell = readCell(sheet.getCell(row, col).value);
    if (cell.formula)
      errors.push({
        path: `sheet "${sheet.name}", row ${row}`,
        expected: "a typed value (formulas are not read)",
        found: `a formula in ${sheet.getCell(row, col).address}`,
      });
    return cell.formula ? {} : cell;
  };

  // Which questionnaire: the About sheet's first two rows.
  const about = sheetOf(ABOUT_SHEET);
  if (!about) return { ok: false, errors };
  const id = toText(cellAt(about, 1, 2))?.trim();
  const version = toText(cellAt(about, 2, 2))?.trim();
  const questionnaire = id ? getQuestionnaire({ id, version }) : undefined;
  if (!questionnaire) {
    errors.push({
      path: `sheet "${ABOUT_SHEET}", rows 1-2`,
      expected: "the questionnaire id and version the workbook was made for",
      found: describeFound({ value: [id, version] }),
    });
    return { ok: false, errors };
  }
  places.set("questionnaire", { sheet: ABOUT_SHEET, row: 1 });
  places.set("version", { sheet: ABOUT_SHEET, row: 2 });

  const requirements: Record<string, unknown> = {};
  const reqs = sheetOf(REQUIREMENTS_SHEET);
  if (reqs) {
    for (let r = 2; r <= reqs.rowCount; r++) {
      const field = toText(cellAt(reqs, r, 1))?.trim();
      if (!field) continue;
      const cell = cellAt(reqs, r, 2);
      places.set(`requirements.${field}`, { sheet: REQUIREMENTS_SHEET, row: r });
      const known = REQUIREMENT_ROWS.some((q) => q.field === field);
      const value = !known
        ? toText(cell)
        : LIST_REQUIREMENTS.has(field)
          ? toList(cell)
          : field === "tier"
            ? toText(cell)?.trim().toLowerCase()
            : toNumber(cell);
      if (value !== undefined || !known) requirements[field] = value;
    }
  }

  const answers: Record<string, unknown> = {};
  const names = sectionSheetNames(questionnaire);
  const byId = new Map(
    questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.id, q] as const),
  );
  for (const name of names) {
    const sheet = sheetOf(name);
    if (!sheet) continue;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const qid = toText(cellAt(sheet, r, 1))?.trim();
      if (!qid) continue;
      places.set(`answers.${qid}`, { sheet: sheet.name, row: r });
      const question = byId.get(qid);
      const cell = cellAt(sheet, r, ANSWER_COLUMN);
      if (!question) {
        if (toText(cell) !== undefined) answers[qid] = toText(cell);
        continue;
      }
      if (question.type === "sites" || question.type === "parties") {
        // Answered when its cell says so; the items are on their own sheet.
        if (toText(cell) !== undefined) answers[qid] = [];
        continue;
      }
      const value = answerOf(question, cell);
      if (value !== undefined) answers[qid] = value;
    }
  }

  for (const [type, name, columns] of [
    ["sites", SITES_SHEET, SITE_COLUMNS],
    ["parties", PARTIES_SHEET, PARTY_COLUMNS],
  ] as const) {
    const question = [...byId.values()].find((q) => q.type === type);
    const sheet = sheetOf(name);
    if (!question || !sheet) continue;
    const items: Record<string, unknown>[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const item: Record<string, unknown> = {};
      columns.forEach((column, c) => {
        const cell = cellAt(sheet, r, c + 1);
        const value = column === "lat" || column === "lon" ? toNumber(cell) : toText(cell);
        if (value !== undefined) item[column] = value;
      });
      if (Object.keys(item).length === 0) continue;
      places.set(`answers.${question.id}[${items.length}]`, { sheet: name, row: r });
      items.push(item);
    }
    if (items.length > 0 || answers[question.id] !== undefined) answers[question.id] = items;
  }
  if (errors.length > 0) return { ok: false, errors };

  const parsed = parseAssessmentFile({
    input: {
      questionnaire: questionnaire.id,
      version: questionnaire.version,
      requirements,
      answers,
    },
  });
  if (parsed.ok) return parsed;
  return { ok: false, errors: parsed.errors.map((e) => placeError(e, places)) };
}

/** "answers.sites[2].lat" → 'sheet "Sites", row 4, answers.sites[2].lat'. */
function placeError(error: TParseError, places: Map<string, TWhere>): TParseError {
  let key = error.path;
  while (key) {
    const where = places.get(key);
    if (where) return { ...error, path: `sheet "${where.sheet}", row ${where.row}, ${error.path}` };
    const cut = Math.max(key.lastIndexOf("."), key.lastIndexOf("["));
    key = cut > 0 ? key.slice(0, cut) : "";
  }
  return error;
}
