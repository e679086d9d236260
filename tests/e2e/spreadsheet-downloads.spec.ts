// Guards against the offline workbook (issue 22) being out of reach or not a real workbook:
// procurement's review-page link and the vendor's portal link each download a real .xlsx that
// reads back as the assessment's confirmed answers, and an answer carried in and not yet
// confirmed by the vendor is not in it.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { createVendorLink, DEMO_USERS, expect, signIn, test } from "./fixtures";

/** Each question's answer cell, by question id (column A of the section sheets, answer in D). */
async function answerCells(bytes: Buffer): Promise<Map<string, unknown>> {
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells = new Map<string, unknown>();
  for (const sheet of book.worksheets)
    sheet.eachRow((row) => {
      const id = row.getCell(1).value;
      if (typeof id === "string") cells.set(id, row.getCell(4).value);
    });
  return cells;
}

async function download(page: Page, link: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link }).click(),
  ]);
  return readFile((await file.path())!);
}

test("the review page and the portal download the offline workbook", async ({
  page,
  browser,
  db,
}) => {
  const { token, assessmentId } = await createVendorLink(db, {
    email: `workbook-${Date.now()}@vendor.example`,
  });
  await db.answer.createMany({
    data: [
      { assessmentId, questionId: "topology", value: "active_passive", updatedByKind: "vendor" },
      {
        assessmentId,
        questionId: "rto_minutes",
        value: 240,
        updatedByKind: "vendor",
        awaitingConfirmation: true,
      },
    ],
  });

  const vendor = await (await browser.newContext()).newPage();
  await vendor.goto(`/respond/${token}`);
  const fromPortal = await download(vendor, "Download this questionnaire as an Excel workbook");
  const portal = await answerCells(fromPortal);
  expect(portal.get("topology")).toMatch(/^Active-passive/);
  // Carried in and not confirmed: no answer yet.
  expect(portal.has("rto_minutes")).toBe(true);
  expect(portal.get("rto_minutes") ?? null).toBeNull();

  await signIn(page, DEMO_USERS.procurement);
  await page.goto(`/assessments/${assessmentId}`);
  const fromReview = await download(page, "Offline workbook (with answers)");
  const review = await answerCells(fromReview);
  expect(review.get("topology")).toMatch(/^Active-passive/);
  expect(review.get("rto_minutes") ?? null).toBeNull();
  const exported = await download(page, "Answers, flags and findings (XLSX)");
  expect(exported.subarray(0, 2).toString("latin1")).toBe("PK");
  const csv = (await download(page, "Answers (CSV)")).toString("utf8");
  expect(csv).toMatch(/^\uFEFFSection,Question id,Question,Answer,Flagged\r\n/);
  expect(csv).toContain("topology");
});
