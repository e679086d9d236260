// Guards against a workbook import writing answers the vendor never saw (nothing is saved before
// the preview is confirmed), against a hostile or wrong workbook saving anything, and against a
// workbook saved by another spreadsheet program (LibreOffice Calc) not importing: the portal and
// procurement import it through the preview, and procurement's answers await the vendor.
import fs from "node:fs";
import path from "node:path";
import { answerCell, editWorkbook, macroEnabled } from "../helpers/hostile-workbooks";
import { expect, expectAccessible, test } from "./fixtures";
import { sendWithAnswers } from "./send-helpers";

const LIBREOFFICE = path.resolve("tests/fixtures/files/answers-libreoffice.xlsx");
const VENDOR_FILE = /Upload the workbook once you have filled it/;

test("a vendor imports a workbook saved by LibreOffice Calc: preview, confirm, answers shown", async ({
  browser,
  db,
}, testInfo) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const { assessmentId, vendorPage: vendor } = await sendWithAnswers(browser, db, {
    name: `Workbook Import ${tag}`,
    answers: {},
  });
  const good = fs.readFileSync(LIBREOFFICE);

  // A macro-enabled workbook renamed .xlsx: refused with a message, nothing saved.
  const macro = testInfo.outputPath("macro.xlsx");
  fs.writeFileSync(macro, await macroEnabled(good));
  await vendor.getByLabel(VENDOR_FILE).setInputFiles(macro);
  await expect(vendor.getByRole("alert").filter({ hasText: /not imported/ })).toBeVisible();
  await expect(vendor.getByRole("list", { name: "Problems in the workbook" })).toContainText(
    /with macros/,
  );

  // A bad value: named by sheet, row and question; nothing saved.
  const typo = testInfo.outputPath("typo.xlsx");
  fs.writeFileSync(
    typo,
    await editWorkbook(good, (book) => {
      answerCell(book, "rto_minutes").value = "four hours";
    }),
  );
  await vendor.getByLabel(VENDOR_FILE).setInputFiles(typo);
  await expect(vendor.getByRole("list", { name: "Problems in the workbook" })).toContainText(
    /Sheet “5\. Recovery objectives”, row \d+, Recovery time objective \(RTO\): Expected .*; found "four hours"/,
  );
  await expectAccessible(vendor);
  expect(await db.answer.count({ where: { assessmentId } })).toBe(0);

  // The LibreOffice workbook: a preview first, nothing saved until confirmed.
  await vendor.getByLabel(VENDOR_FILE).setInputFiles(LIBREOFFICE);
  const preview = vendor.getByRole("table", { name: "What the import will change" });
  await expect(preview).toBeVisible();
  const rto = preview.getByRole("row").filter({ hasText: "Recovery time objective (RTO)" });
  await expect(rto).toContainText("(no answer)");
  await expect(rto).toContainText("60");
  await expect(
    vendor.getByRole("heading", { name: /The import will change \d+ answers/ }),
  ).toBeFocused();
  await expectAccessible(vendor);
  expect(await db.answer.count({ where: { assessmentId } })).toBe(0);

  await vendor.getByRole("button", { name: /^Import \d+ answers$/ }).click();
  await expect(vendor.getByRole("status").filter({ hasText: /answers imported/ })).toBeVisible();
  await expect(vendor.locator("#q-rto_minutes-input")).toHaveValue("60", { timeout: 15_000 });
  const rows = await db.answer.findMany({ where: { assessmentId } });
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.every((r) => !r.awaitingConfirmation && r.updatedByKind === "vendor")).toBe(true);
  expect(rows.find((r) => r.questionId === "sites")?.value).toHaveLength(3);
});

test("procurement imports a workbook on the assessment page; the vendor finds the answers to confirm", async ({
  browser,
  db,
}) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const { assessmentId, proc, vendorPage } = await sendWithAnswers(browser, db, {
    name: `Workbook Staff ${tag}`,
    answers: {},
  });
  await proc.goto(`/assessments/${assessmentId}`);
  await proc.getByLabel(/A workbook the vendor filled and sent you/).setInputFiles(LIBREOFFICE);
  await expect(proc.getByRole("table", { name: "What the import will change" })).toBeVisible();
  await expectAccessible(proc);
  expect(await db.answer.count({ where: { assessmentId } })).toBe(0);
  await proc.getByRole("button", { name: /^Import \d+ answers$/ }).click();
  await expect(proc.getByRole("status").filter({ hasText: /answers imported/ })).toBeVisible();
  const rows = await db.answer.findMany({ where: { assessmentId } });
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.every((r) => r.awaitingConfirmation && r.carriedFrom === "import")).toBe(true);
  expect(
    await db.auditEvent.count({ where: { targetId: assessmentId, action: "answers.imported" } }),
  ).toBe(1);

  await vendorPage.reload();
  await expect(
    vendorPage.locator("#q-rto_minutes").getByText(/from the file you imported/),
  ).toBeVisible();
});
