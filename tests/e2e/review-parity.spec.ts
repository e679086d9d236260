// Guards against a reviewer who does not see what the vendor saw (issue 17): the review page
// and the print view show the sites map and the distance table, with km figures, and every
// site reference (a backup-site answer) by the site's name, never its id ("site-3").
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";
import { sendWithAnswers, WELL_RUN_1_1 } from "./send-helpers";

// The sites numbered as the portal numbers them, so an id in the page would read "site-3".
const ids: Record<string, string> = { fra: "site-1", dub: "site-2", ams: "site-3" };
const ANSWERS = {
  ...WELL_RUN_1_1,
  sites: (WELL_RUN_1_1.sites as { id: string }[]).map((s) => ({ ...s, id: ids[s.id] ?? s.id })),
  backup_exists: "yes",
  backup_site_ids: ["site-3"],
};

test("the review page and the print view show the map, the distances and the sites' names", async ({
  browser,
  db,
}) => {
  const { assessmentId, proc, vendorPage } = await sendWithAnswers(browser, db, {
    name: `Parity Hosting ${Date.now()}`,
    answers: ANSWERS,
  });
  // The vendor's map: its land and borders are an SVG file the server draws for the view.
  const vendorMap = vendorPage.getByRole("img", { name: /Map of the 3 sites with coordinates/ });
  await expect(vendorMap).toBeVisible();
  const basemap = await vendorMap.locator("image").first().getAttribute("href");
  expect(basemap).toMatch(/^\/api\/respond\/[^/]+\/basemap\?v=.+&view=/);
  const drawn = await vendorPage.request.get(basemap!);
  expect(drawn.status()).toBe(200);
  expect(drawn.headers()["content-type"]).toBe("image/svg+xml");
  expect((await drawn.text()).match(/<path/g)?.length ?? 0).toBeGreaterThan(0);
  await proc.goto(`/assessments/${assessmentId}`);

  const map = proc.getByRole("img", { name: /Map of the 3 sites with coordinates/ });
  await expect(map).toBeVisible();
  const distances = proc.getByRole("table", { name: /Distances between sites/ });
  await expect(distances).toBeVisible();
  const backupRow = distances.getByRole("row").filter({ hasText: "Amsterdam backup vault" });
  await expect(backupRow).toContainText("Frankfurt primary");
  await expect(backupRow).toContainText(/\d[\d,]* km/);
  await expect(backupRow).toContainText("Nearest backup");

  const backups = proc.getByTestId("answer-value-backup_site_ids");
  await expect(backups).toHaveText("Amsterdam backup vault");
  await expect(proc.getByTestId("answer-value-sites")).not.toContainText("site-");
  await expect(proc.locator("main")).not.toContainText("site-3");
  await expectAccessible(proc);
  await proc.screenshot({ path: "test-results/screens/review-parity.png", fullPage: true });

  // The print view is the manager's (report:export).
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, DEMO_USERS.manager);
  await manager.goto(`/assessments/${assessmentId}/print`);
  await expect(
    manager.getByRole("img", { name: /Map of the 3 sites with coordinates/ }),
  ).toBeVisible();
  const printed = manager.getByRole("table", { name: /Distances between sites/ });
  await expect(
    printed.getByRole("row").filter({ hasText: "Amsterdam backup vault" }),
  ).toContainText(/\d[\d,]* km/);
  await expect(
    manager.getByRole("row").filter({ hasText: /Which sites hold the backup copies/ }),
  ).toContainText("Amsterdam backup vault");
  await expect(manager.locator("main")).not.toContainText("site-3");
});
