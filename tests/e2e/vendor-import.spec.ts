// Guards against bulk vendor imports creating a vendor twice (a name repeated in the file or
// already in the inventory, in another case) and against anything created before the preview is
// confirmed: procurement downloads the template, uploads a CSV, reads every row's outcome and
// creates only the new, valid vendors.
import fs from "node:fs";
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";

test("procurement imports vendors from a CSV: template, preview with per-row errors, duplicates skipped", async ({
  page,
  db,
}, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_USERS.procurement);
  await page.goto("/vendors");
  const card = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Import vendors" }) });
  const download = page.waitForEvent("download");
  await card.getByRole("link", { name: "download the template" }).click();
  const template = fs.readFileSync(await (await download).path(), "utf8");
  expect(template).toContain("Name,Tier,Services,Owner email,Contacts");

  const tag = Date.now().toString(36);
  const file = testInfo.outputPath("vendors.csv");
  fs.writeFileSync(
    file,
    [
      "Name,Tier,Services,Owner email,Contacts",
      `Bulk One ${tag},high,Payroll,${DEMO_USERS.procurement.email},Jane <jane-${tag}@bulk.example>`,
      `Bulk Two ${tag},low,,,`,
      `bulk one ${tag},moderate,,,`,
      "ledgerline core banking,critical,,,",
      `Bulk Bad ${tag},urgent,,,`,
    ].join("\n"),
  );
  await card.getByLabel("Vendor file to import").setInputFiles(file);
  const table = page.getByRole("table", { name: "Vendors in the file" });
  await expect(table).toBeVisible();
  await expect(page.getByRole("heading", { name: "2 of 5 rows will be created" })).toBeFocused();
  /** The row whose name cell says exactly `name` (case-sensitive: "bulk one" is not "Bulk One"). */
  const row = (name: string) =>
    table.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row(`bulk one ${tag}`)).toContainText("The same name as row 2");
  await expect(row("ledgerline core banking")).toContainText("already exists");
  await expect(row(`Bulk Bad ${tag}`)).toContainText(
    'Tier: expected critical, high, moderate or low; found "urgent"',
  );
  await expect(row(`Bulk One ${tag}`)).toContainText("Will be created");
  await expectAccessible(page);
  const ours = { name: { contains: tag, mode: "insensitive" as const } };
  expect(await db.vendor.count({ where: ours })).toBe(0);

  await page.getByRole("button", { name: "Create 2 vendors" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 vendors created" })).toBeVisible();
  const created = await db.vendor.findMany({ where: ours, include: { contacts: true } });
  expect(created.map((v) => v.name).sort()).toEqual([`Bulk One ${tag}`, `Bulk Two ${tag}`]);
  expect(created.find((v) => v.name === `Bulk One ${tag}`)?.contacts[0]?.email).toBe(
    `jane-${tag}@bulk.example`,
  );
  expect(await db.vendor.count({ where: { name: "Ledgerline Core Banking" } })).toBe(1);
});
