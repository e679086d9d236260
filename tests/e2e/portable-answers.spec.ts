// Guards against a vendor having to type the same answers again for every customer, and against
// an imported file silently standing in for answers the vendor never confirmed: the portal's
// portable answers go out as a file and come into another questionnaire awaiting confirmation.
import fs from "node:fs";
import { expect, expectAccessible, test } from "./fixtures";
import { sendWithAnswers } from "./send-helpers";

test("a vendor downloads its answers and imports them into another questionnaire, each to confirm", async ({
  browser,
  db,
}) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const first = await sendWithAnswers(browser, db, { name: `Portable From ${tag}` });
  const download = first.vendorPage.waitForEvent("download");
  await first.vendorPage.getByRole("link", { name: "Download your answers as a file" }).click();
  const file = await (await download).path();
  const portable = JSON.parse(fs.readFileSync(file, "utf8"));
  expect(Object.keys(portable).sort()).toEqual(["answers", "questionnaire", "version"]);
  expect(portable.answers.rto_minutes).toBeDefined();

  const second = await sendWithAnswers(browser, db, { name: `Portable To ${tag}`, answers: {} });
  const vendor = second.vendorPage;
  await expectAccessible(vendor);
  await vendor.getByLabel(/Import answers from a file/).setInputFiles(file);
  await expect(vendor.getByRole("status").filter({ hasText: /answers? imported/ })).toBeVisible();
  // After the reload each imported answer is marked, and none counts until confirmed.
  const rto = vendor.locator("#q-rto_minutes");
  await expect(rto.getByText(/from the file you imported/)).toBeVisible({ timeout: 15_000 });
  await expect(rto.locator("#q-rto_minutes-input")).toHaveValue(
    String(portable.answers.rto_minutes),
  );
  const rows = await db.answer.findMany({ where: { assessmentId: second.assessmentId } });
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.every((r) => r.awaitingConfirmation && r.carriedFrom === "import")).toBe(true);

  // A file that is not one is refused with a message, and nothing changes.
  const bad = `${file}.txt`;
  fs.writeFileSync(bad, "name,tier\nAcme,high\n");
  await vendor.getByLabel(/Import answers from a file/).setInputFiles(bad);
  await expect(
    vendor.getByRole("alert").filter({ hasText: /not a portable answers file/ }),
  ).toBeVisible();
  expect(await db.answer.count({ where: { assessmentId: second.assessmentId } })).toBe(rows.length);
});
