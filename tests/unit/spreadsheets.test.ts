import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseAssessmentFile, type TAssessmentFile } from "@/lib/questionnaires/assessment-file";
import { assessAnswers } from "@/lib/rules";
import { readAnswersWorkbook } from "@/lib/spreadsheets/read";
import { writeAnswersWorkbook } from "@/lib/spreadsheets/write";
import { WORKBOOK_LIMITS } from "@/lib/spreadsheets/zip-guard";
import {
  answerCell,
  editWorkbook,
  externalLink,
  hugeSheet,
  macroEnabled,
  withFormula,
  zipBomb,
} from "../helpers/hostile-workbooks";

// The offline workbook (lib/spreadsheets): what is written reads back as exactly the same
// answers, and a workbook that could hurt the server is refused before it is inflated.

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/engine");
const TMP = mkdtempSync(path.join(tmpdir(), "workbook-"));

type TFixture = { as_of: string; input: unknown };
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));
const load = (name: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as TFixture;
const fileOf = (input: unknown): TAssessmentFile => {
  const parsed = parseAssessmentFile({ input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
};
const wellRun = () => fileOf(load("well-run-vendor.json").input);

/** A written workbook, changed as a spreadsheet program would. */
const edited = async (file: TAssessmentFile, edit: (book: ExcelJS.Workbook) => void) =>
  editWorkbook(await writeAnswersWorkbook(file), edit);

describe("the offline workbook", () => {
  it.each(fixtures)("%s: JSON → workbook → the same answers and the same flags", async (name) => {
    const { as_of, input } = load(name);
    const file = fileOf(input);
    const read = await readAnswersWorkbook(await writeAnswersWorkbook(file));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.value.questionnaire.version).toBe(file.questionnaire.version);
    expect(read.value.requirements).toEqual(file.requirements);
    expect(read.value.answers).toEqual(file.answers);
    const judge = (f: TAssessmentFile) => assessAnswers({ ...f, asOf: as_of });
    expect(judge(read.value)).toEqual(judge(file));
  });

  it("reads a workbook saved by LibreOffice Calc as the answers it was filled with", async () => {
    // tests/fixtures/files/answers-libreoffice.xlsx: see tests/README.md for how it was made.
    const bytes = readFileSync(path.join(ROOT, "tests/fixtures/files/answers-libreoffice.xlsx"));
    const app = await (await JSZip.loadAsync(bytes)).file("docProps/app.xml")!.async("string");
    expect(app).toMatch(/<Application>LibreOffice\//);
    const read = await readAnswersWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.value.answers).toEqual(wellRun().answers);
  });

  it("keeps an absent answer absent, an empty list empty, unknown, ISO dates and full precision", async () => {
    const file = wellRun();
    const answers = { ...file.answers } as Record<string, unknown>;
    delete answers.restore_test_last_date;
    answers.shared_hazards = [];
    answers.shared_control_plane = "unknown";
    answers.dr_test_last_date = "2026-02-28";
    const sites = structuredClone(answers.sites) as unknown as { lat: number; lon: number }[];
    sites[0]!.lat = 48.137154123;
    sites[0]!.lon = -0.000001;
    answers.sites = sites;
    const input = { ...file, answers } as TAssessmentFile;
    const read = await readAnswersWorkbook(await writeAnswersWorkbook(input));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect("restore_test_last_date" in read.value.answers).toBe(false);
    expect(read.value.answers.shared_hazards).toEqual([]);
    expect(read.value.answers.shared_control_plane).toBe("unknown");
    expect(read.value.answers.dr_test_last_date).toBe("2026-02-28");
    expect((read.value.answers.sites as unknown as typeof sites)[0]).toMatchObject({
      lat: 48.137154123,
      lon: -0.000001,
    });
  });

  it("reads what a person types: a choice's label, a date the program made a date", async () => {
    const bytes = await edited(wellRun(), (book) => {
      const topology = answerCell(book, "topology");
      topology.value = "Active-passive: a standby site takes over when the primary fails";
      answerCell(book, "dr_test_last_date").value = new Date(Date.UTC(2026, 5, 30));
    });
    const read = await readAnswersWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.value.answers.topology).toBe("active_passive");
    expect(read.value.answers.dr_test_last_date).toBe("2026-06-30");
  });

  it("names the sheet, the row and the question of every bad value", async () => {
    const bytes = await edited(wellRun(), (book) => {
      book.getWorksheet("Sites")!.getCell(3, 7).value = "north";
      answerCell(book, "rto_minutes").value = "four hours";
      book.getWorksheet("Requirements")!.getCell(2, 2).value = "urgent";
    });
    const read = await readAnswersWorkbook(bytes);
    expect(read.ok).toBe(false);
    const paths = read.ok ? [] : read.errors.map((e) => e.path);
    expect(paths).toContain('sheet "Sites", row 3, answers.sites[1].lat');
    expect(paths).toContainEqual(
      expect.stringMatching(/^sheet "5\. Recovery objectives", row \d+, answers\.rto_minutes$/),
    );
    expect(paths).toContain('sheet "Requirements", row 2, requirements.tier');
  });

  it("refuses a formula (never evaluated, its cached result not taken), naming its cell", async () => {
    const read = await readAnswersWorkbook(
      await withFormula(await writeAnswersWorkbook(wellRun()), "rto_minutes"),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors[0]?.found).toMatch(/^a formula in D\d+$/);
    expect(read.errors[0]?.path).toMatch(/^sheet "5\. Recovery objectives", row \d+$/);
  });

  it("refuses 100,000 rows before reading them", async () => {
    const read = await readAnswersWorkbook(await hugeSheet(await writeAnswersWorkbook(wellRun())));
    expect(read.ok ? [] : read.errors[0]?.found).toMatch(
      /^a sheet of 100,00\d rows \(at most 5,000\)$/,
    );
  });

  it("refuses a zip bomb, a macro-enabled workbook renamed .xlsx, external links, and a file that is not one", async () => {
    const good = await writeAnswersWorkbook(wellRun());
    const bombBytes = await zipBomb(good);
    expect(bombBytes.length).toBeLessThan(WORKBOOK_LIMITS.fileBytes);
    const bombRead = await readAnswersWorkbook(bombBytes);
    expect(bombRead.ok ? [] : bombRead.errors[0]?.found).toMatch(/zip bomb/);

    const macroRead = await readAnswersWorkbook(await macroEnabled(good));
    expect(macroRead.ok ? [] : macroRead.errors[0]?.found).toMatch(/macros/);

    const linkRead = await readAnswersWorkbook(await externalLink(good));
    expect(linkRead.ok ? [] : linkRead.errors[0]?.found).toMatch(/links to other files/);

    const notOne = await readAnswersWorkbook(Buffer.from("name,tier\nAcme,high\n"));
    expect(notOne.ok ? [] : notOne.errors[0]?.found).toBe("a file that is not a workbook");
  });
});

describe("npm run assess -- FILE.xlsx", () => {
  const run = (script: string, ...args: string[]) =>
    spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [script, ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });

  it("reads the workbook answers:xlsx wrote exactly as the JSON, and refuses a bad one with exit 2", async () => {
    const { as_of, input } = load("common-mode-and-suppliers.json");
    const json = path.join(TMP, "in.json");
    const xlsx = path.join(TMP, "out.xlsx");
    writeFileSync(json, JSON.stringify(input));
    expect(run("lib/cli/answers-xlsx.ts", json, xlsx).status).toBe(0);
    const fromJson = run("lib/cli/assess.ts", json, "--as-of", as_of);
    const fromBook = run("lib/cli/assess.ts", xlsx, "--as-of", as_of);
    expect(fromBook.status).toBe(0);
    expect(fromBook.stdout).toBe(fromJson.stdout);

    const bad = path.join(TMP, "bad.xlsx");
    writeFileSync(
      bad,
      await edited(fileOf(input), (book) => {
        book.getWorksheet("Sites")!.getCell(2, 8).value = "east";
      }),
    );
    const refused = run("lib/cli/assess.ts", bad, "--as-of", as_of);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain('sheet "Sites", row 2, answers.sites[0].lon: expected');
  });
});
