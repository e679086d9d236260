// Guards against lists nobody can find anything in (issue 17): the vendor and assessment lists
// search by name, status, owner and tier; the search lives in the URL (a reload, a shared link
// and the back button restore it); pages are cut in the database and linked; the result count
// is announced; vendor names link to the vendor and assessment statuses to the review.
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";
import { demoOrg } from "./send-helpers";

const tag = `Srch${Date.now()}`;
const COUNT = 55; // more than one page (50)

test.afterAll(async ({ db }) => {
  await db.vendor.deleteMany({ where: { name: { startsWith: tag } } });
});

test("vendor search: name, tier and status filter; the URL keeps them; pages link", async ({
  page,
  db,
}) => {
  const org = await demoOrg(db);
  await db.vendor.createMany({
    data: [
      ...Array.from({ length: COUNT }, (_, i) => ({
        orgId: org.id,
        name: `${tag} ${String(i + 1).padStart(2, "0")}`,
        tier: i % 2 === 0 ? ("critical" as const) : ("low" as const),
      })),
      { orgId: org.id, name: `${tag} retired`, tier: "high", status: "archived" },
    ],
  });
  await signIn(page, DEMO_USERS.procurement);
  await page.goto("/vendors");
  const form = page.getByRole("form", { name: "Search vendors" });
  const table = page.getByRole("table", { name: "Vendors" });
  const dataRows = table.getByRole("row").filter({ hasText: tag });

  await form.getByLabel("Name").fill(tag.toLowerCase());
  await form.getByLabel("Tier").selectOption("critical");
  await form.getByRole("button", { name: "Search" }).click();
  await page.waitForURL(/tier=critical/);
  expect(new URL(page.url()).searchParams.get("q")).toBe(tag.toLowerCase());
  await expect(page.getByRole("status").filter({ hasText: "found" })).toHaveText(
    "28 vendors found",
  );
  await expect(dataRows).toHaveCount(28);
  await expect(table).not.toContainText(`${tag} 02`); // low tier
  await page.screenshot({ path: "test-results/screens/vendor-search.png" });

  await page.reload();
  await expect(form.getByLabel("Name")).toHaveValue(tag.toLowerCase());
  await expect(form.getByLabel("Tier")).toHaveValue("critical");
  await expect(dataRows).toHaveCount(28);

  // Any tier: two pages, the second holding the last five.
  await form.getByLabel("Tier").selectOption("");
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status").filter({ hasText: "found" })).toHaveText(
    `${COUNT} vendors found, page 1 of 2`,
  );
  await expect(dataRows).toHaveCount(50);
  const pages = page.getByRole("navigation", { name: "Vendor list pages" });
  await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 1");
  await pages.getByRole("link", { name: "Page 2" }).click();
  await page.waitForURL(/page=2/);
  await expect(dataRows).toHaveCount(5);
  await expect(table).toContainText(`${tag} 55`);
  await page.reload();
  await expect(dataRows).toHaveCount(5);

  // The back button restores the previous search, fields included.
  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);
  await expect(dataRows).toHaveCount(50);
  await page.goBack();
  await expect(page).toHaveURL(/tier=critical/);
  await expect(form.getByLabel("Tier")).toHaveValue("critical");
  await expect(dataRows).toHaveCount(28);

  // Archived vendors are a status of their own.
  await page.goto(`/vendors?q=${tag}&status=archived`);
  await expect(dataRows).toHaveCount(1);
  await expect(table).toContainText(`${tag} retired`);
  await expectAccessible(page);

  // A bad value is named and ignored, not a failure.
  await page.goto(`/vendors?q=${tag}&tier=gold`);
  await expect(page.getByRole("alert").filter({ hasText: "tier must be one of" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "found" })).toHaveText(
    `${COUNT} vendors found, page 1 of 2`,
  );
});

test("assessment search: status filters; vendor names and statuses link onward", async ({
  page,
  db,
}) => {
  // Only the demo organisation's: other specs leave other organisations' assessments behind.
  const org = await demoOrg(db);
  const all = await db.assessment.count({ where: { status: "accepted", orgId: org.id } });
  expect(all).toBeGreaterThan(0);
  await signIn(page, DEMO_USERS.manager);
  await page.goto("/assessments");
  const form = page.getByRole("form", { name: "Search assessments" });
  await form.getByLabel("Status").selectOption("accepted");
  await form.getByRole("button", { name: "Search" }).click();
  await page.waitForURL(/status=accepted/);
  const table = page.getByRole("table", { name: "Assessments" });
  const rows = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Accepted" }) });
  await expect(page.getByRole("status").filter({ hasText: "found" })).toHaveText(
    new RegExp(`^${all} assessments? found`),
  );
  await expect(table.getByRole("row")).toHaveCount(Math.min(all, 50) + 1);
  await expect(rows).toHaveCount(Math.min(all, 50));
  await page.reload();
  await expect(form.getByLabel("Status")).toHaveValue("accepted");

  const first = rows.first();
  const vendorName = (await first.getByRole("link").first().textContent()) ?? "";
  await first.getByRole("link", { name: vendorName }).click();
  await expect(page.getByRole("heading", { level: 1, name: vendorName })).toBeVisible();
  await page.goBack();
  await rows.first().getByRole("link", { name: "Accepted" }).click();
  await expect(page).toHaveURL(/\/assessments\/[^/?]+$/);
  await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();
});
