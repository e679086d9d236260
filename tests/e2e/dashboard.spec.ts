import fs from "node:fs";
import path from "node:path";
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";

// A reader in Berlin: the "figures as of" time is shown in the reader's own zone.
test.use({ timezoneId: "Europe/Berlin", locale: "en-GB" });

test("a manager opens the dashboard, filters, exports CSV", async ({ page, db }) => {
  await signIn(page, DEMO_USERS.manager);
  await page.goto("/dashboard");
  for (const title of [
    "Vendors by tier and rating",
    "Assessments due",
    "Decay clocks",
    "Ratings over time",
    "Most frequent findings",
    "Concentration risk",
    "Where vendor data lives",
  ])
    await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
  const table = page.locator("#vendors table");
  await expect(table.getByRole("rowheader").first()).toBeVisible();
  // The figures are shared for up to 30 s: the page says how old they are, in the reader's zone.
  const asOf = page.getByText(/^Figures as of \d\d:\d\d:\d\d CES?T · refreshed every 30 s$/);
  await expect(asOf).toBeVisible();
  const iso = await asOf.locator("time").getAttribute("datetime");
  const berlin = new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone: "Europe/Berlin",
  }).format(new Date(iso!));
  await expect(asOf.locator("time")).toHaveText(new RegExp(`^${berlin} CES?T$`));
  // The map: the basemap is a static file drawn at build time; the page draws the markers.
  const map = page.getByRole("img", { name: /^World map of \d+ places with vendor sites/ });
  await expect(map).toBeVisible();
  const basemapUrl = await map.locator("image").first().getAttribute("href");
  expect(basemapUrl).toMatch(/^\/dashboard\/world-map\.svg\?v=/);
  const basemap = await page.request.get(basemapUrl!);
  expect(basemap.headers()["content-type"]).toBe("image/svg+xml");
  expect(basemap.headers()["cache-control"]).toContain("max-age=86400");
  expect(await basemap.text()).toMatch(
    /^<svg [^>]*viewBox="0 0 960 440"[^>]*><rect[^>]*\/><path d="M/,
  );
  // A marker per place (the demo's sites are in 17 places), Europe's again in the inset.
  const places = await page
    .getByRole("table", { name: "Vendor sites by place" })
    .getByRole("row")
    .count();
  expect(places - 1).toBeGreaterThan(5);
  expect(await map.locator("g > g > title").count()).toBeGreaterThan(places - 1);
  await page.waitForLoadState("networkidle");
  fs.mkdirSync(path.join("test-results", "screens"), { recursive: true });
  await page.screenshot({
    path: path.join("test-results", "screens", "dashboard.png"),
    fullPage: true,
  });
  await expectAccessible(page);

  // Filters go into the URL and narrow the table to the matching vendors.
  const form = page.getByRole("form", { name: "Filter vendors" });
  await form.getByLabel("Tier").selectOption("critical");
  await form.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/tier=critical/);
  const manager = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.manager.email } });
  const critical = await db.vendor.findMany({
    where: { orgId: manager.orgId, tier: "critical", status: "active" },
    select: { name: true },
  });
  const names = critical.map((v) => v.name).sort();
  await expect(page.getByText(`of ${names.length} vendors`)).toBeVisible();
  const shown = await table.getByRole("rowheader").allInnerTexts();
  expect(shown.length).toBe(Math.min(20, names.length));
  for (const name of shown) expect(names).toContain(name);

  // The CSV carries the same filtered set, and nothing else.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const lines = fs
    .readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toContain("Vendor,Tier,Owner,Rating");
  const rows = lines.slice(1).map((l) => l.split(","));
  expect(rows.map((r) => r[0]!.replaceAll('"', "")).sort()).toEqual(names);
  expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(["critical"]));
  await expectAccessible(page);
});

test("the CSV export answers 401 without a session", async ({ request }) => {
  const res = await request.get("/api/vendors/export.csv");
  expect(res.status()).toBe(401);
});

test("the vendor page shows the score trend, open findings and last evidence dates", async ({
  page,
}) => {
  await signIn(page, DEMO_USERS.manager);
  await page.goto("/dashboard?sort=name");
  await page.locator("#vendors").getByRole("link", { name: "Atlas Mortgage Servicing" }).click();
  await expect(page.getByRole("heading", { name: "Atlas Mortgage Servicing" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Score per assessment/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Open findings" })).toBeVisible();
  await expect(page.getByText("DR test", { exact: true })).toBeVisible();
  await expectAccessible(page);
});
