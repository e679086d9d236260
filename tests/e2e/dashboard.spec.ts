// Guards against a dashboard that misstates the portfolio: its widgets, map and filters must
// show the database's figures, the CSV export must carry exactly the filtered set (and answer 401
// without a session), and the vendor page its score trend, findings and evidence dates.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";

const DAY_MONTH_YEAR = /\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/;

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

  // One date format on every page (lib/dates.ts): ISO days, never "1 Mar 2026" beside them.
  const dashboardText = (await page.locator("main").textContent()) ?? "";
  expect(dashboardText).not.toMatch(DAY_MONTH_YEAR);
  expect(dashboardText).toMatch(/20\d\d-\d\d-\d\d/);
  // Flags are named by the engine's title, the code beside it: in the filter and the widget.
  const form = page.getByRole("form", { name: "Filter vendors" });
  await expect(form.getByLabel("Flag").locator('option[value="DR_TEST_TABLETOP_ONLY"]')).toHaveText(
    "The last exercise did not fail anything over (DR_TEST_TABLETOP_ONLY)",
  );
  expect(dashboardText).not.toMatch(
    /Dr test|Backup shared dependency|Site separation insufficient/,
  );

  // Filters go into the URL and narrow the table to the matching vendors.
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
  const vendorText = (await page.locator("main").textContent()) ?? "";
  expect(vendorText).not.toMatch(DAY_MONTH_YEAR);
  expect(vendorText).toMatch(/20\d\d-\d\d-\d\d/);
  await expectAccessible(page);
});

// The walkthrough: "3 critical-tier vendors rated critical" opened ?tier=critical (9 vendors),
// and the portfolio PDF could not be reached from the interface nor narrowed.
test("a heat-map cell lists exactly its tier and rating; the portfolio PDF takes the same filters", async ({
  page,
  db,
}) => {
  await signIn(page, DEMO_USERS.manager);
  const { orgId } = await db.user.findUniqueOrThrow({
    where: { email: DEMO_USERS.manager.email },
  });
  // Each active vendor's latest judged rating, as the heat map counts them.
  const vendors = await db.$queryRaw<{ name: string; tier: string; rating: string | null }[]>`
    SELECT v.name, v.tier::text AS tier, l.rating::text AS rating
    FROM "Vendor" v LEFT JOIN LATERAL (
      SELECT a.rating FROM "Assessment" a
      WHERE a."vendorId" = v.id AND a."submittedAt" IS NOT NULL AND a.status <> 'cancelled'
      ORDER BY a."submittedAt" DESC, a.id LIMIT 1) l ON true
    WHERE v."orgId" = ${orgId} AND v.status = 'active'`;
  const inCell = vendors
    .filter((v) => v.tier === "critical" && v.rating === "critical")
    .map((v) => v.name)
    .sort();
  expect(inCell.length).toBeGreaterThan(0);
  expect(inCell.length).toBeLessThan(vendors.filter((v) => v.tier === "critical").length);

  await page.goto("/dashboard");
  await page
    .getByRole("link", { name: `${inCell.length} critical-tier vendors rated critical` })
    .click();
  await page.waitForURL(/[?&]tier=critical&rating=critical/);
  await expect(page.getByText(`of ${inCell.length} vendors`)).toBeVisible();
  const rows = await page.locator("#vendors table").getByRole("rowheader").allInnerTexts();
  expect(rows.sort()).toEqual(inCell);
  // The filter form shows the cell's filters, so a further filter keeps them.
  const form = page.getByRole("form", { name: "Filter vendors" });
  await expect(form.getByLabel("Rating")).toHaveValue("critical");
  await expect(form.getByLabel("Tier")).toHaveValue("critical");

  // The portfolio PDF, linked beside the CSV export, carries the same filters.
  const link = page.getByRole("link", { name: "Portfolio PDF (filtered)" });
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/api\/reports\/portfolio\.pdf\?/);
  expect(Object.fromEntries(new URL(href, "http://x").searchParams)).toMatchObject({
    tier: "critical",
    rating: "critical",
  });
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  const text = pdfText(await res.body());
  expect(text).toContain("Vendors in this report: Tier: critical · Rating: critical");
  expect(text).toContain(`Vendors (${inCell.length})`);
  for (const name of inCell) expect(text).toContain(name);
  const others = vendors
    .map((v) => v.name)
    .filter((n) => !inCell.includes(n) && !inCell.some((c) => c.includes(n)));
  for (const name of others) expect(text).not.toContain(name);

  // A bad filter is refused, naming the field, before any report is made.
  const bad = await page.request.get("/api/reports/portfolio.pdf?tier=critical&rating=worst");
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(Object.keys(body.fieldErrors)).toEqual(["rating"]);
  expect(body.error).toMatch(/rating must be one of: critical, high, medium, low, none/);
});

function pdfText(body: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portfolio-")), "r.pdf");
  fs.writeFileSync(file, body);
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString();
}
