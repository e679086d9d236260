import { buildManySites } from "../helpers/sites";
import { createVendorLink, DEMO_USERS, expect, signIn, test } from "./fixtures";

// Guards against one vendor's answer making pages huge (issue 12 item 3): with 200 sites (the
// most an answer may hold) the portal listed all 19,900 pairs of sites and its HTML was
// 7.4 MB. The distance table now lists the pairs the rules judge and the editor shows 20 sites'
// fields at a time; the page stays under 1 MB, and the review page shows the same table.

test("a 200-site answer: the portal page is well under 1 MB and lists the judged pairs only", async ({
  page,
  db,
}) => {
  const link = await createVendorLink(db, { email: "large@vendor.example" });
  const sites = buildManySites({ count: 200 });
  await db.answer.create({
    data: {
      assessmentId: link.assessmentId,
      questionId: "sites",
      value: sites,
      updatedByKind: "vendor",
    },
  });
  const res = await page.request.get(`/respond/${link.token}`);
  expect(res.status()).toBe(200);
  const portalBytes = (await res.body()).byteLength;
  console.log(
    `[large-answers] portal page, 200 sites: ${(portalBytes / 1024).toFixed(0)} KB of HTML`,
  );
  expect(portalBytes).toBeLessThan(1_000_000);

  await page.goto(`/respond/${link.token}`);
  const table = page.getByRole("table", { name: /Distances between sites/ });
  await expect(table).toContainText("Each primary's nearest secondary and nearest backup");
  await expect(table).toContainText(/\(\d+ of the 19,?900 pairs of sites\)/);
  const rows = await table.locator("tbody tr").count();
  console.log(`[large-answers] portal distance rows: ${rows} (all pairs: 19,900)`);
  expect(rows).toBeGreaterThan(40);
  expect(rows).toBeLessThan(500);
  await expect(table.getByText(/Too close/).first()).toBeVisible();
  // Site fields (~6 KB of HTML each) come 20 at a time; every site is still reachable.
  await expect(page.getByRole("group", { name: /^Site \d+/ })).toHaveCount(20);
  const pages = page.getByRole("navigation", { name: "Pages of sites" });
  await pages.getByRole("button", { name: "Sites 181–200" }).click();
  await expect(page.getByRole("group", { name: /^Site 200/ })).toBeVisible();
  await expect(page.getByRole("group", { name: /^Site 1\b/ })).toHaveCount(0);

  await signIn(page, DEMO_USERS.procurement);
  const review = await page.request.get(`/assessments/${link.assessmentId}`);
  expect(review.status()).toBe(200);
  const reviewBytes = (await review.body()).byteLength;
  console.log(
    `[large-answers] review page, 200 sites: ${(reviewBytes / 1024).toFixed(0)} KB of HTML`,
  );
  expect(reviewBytes).toBeLessThan(1_000_000);
  await page.goto(`/assessments/${link.assessmentId}`);
  await expect(page.getByRole("table", { name: /Distances between sites/ })).toContainText(
    "Nearest secondary",
  );
});
