// Guards against the offline workbook (issue 22) being out of reach or not a real workbook:
// procurement's review-page link and the vendor's portal link each download a real .xlsx that
// reads back as the assessment's confirmed answers, and an answer carried in and not yet
// confirmed by the vendor is not in it.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { readAnswersWorkbook } from "@/lib/spreadsheets/read";
import { createVendorLink, DEMO_USERS, expect, signIn, test } from "./fixtures";

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
    vendorName: `Workbook Vendor ${Date.now()}`,
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
  expect(fromPortal.subarray(0, 2).toString("latin1")).toBe("PK");
  const read = await readAnswersWorkbook(fromPortal);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  expect(read.value.answers).toEqual({ topology: "active_passive" });

  await signIn(page, DEMO_USERS.procurement);
  await page.goto(`/assessments/${assessmentId}`);
  const fromReview = await download(page, "Offline workbook (with answers)");
  const again = await readAnswersWorkbook(fromReview);
  expect(again.ok && again.value.answers).toEqual({ topology: "active_passive" });
  const exported = await download(page, "Answers, flags and findings (XLSX)");
  expect(exported.subarray(0, 2).toString("latin1")).toBe("PK");
  const csv = (await download(page, "Answers (CSV)")).toString("utf8");
  expect(csv).toMatch(/^\uFEFFSection,Question id,Question,Answer,Flagged\r\n/);
  expect(csv).toContain("topology");
});
