// Guards against vendor links that reveal or allow too much: an unknown link answers a plain 404
// that reveals nothing, an expired or revoked one 410 saying whom to ask, and a revoked link
// stops working at once.
import { createVendorLink, DEMO_USERS, expect, test } from "./fixtures";

test("an unknown link gets a plain 404 page that reveals nothing", async ({ page }) => {
  for (const token of ["A".repeat(43), "short", "%3Cscript%3E"]) {
    const res = await page.goto(`/respond/${token}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  }
  const api = await page.request.post(`/api/respond/${"A".repeat(43)}/submit`, {
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(api.status()).toBe(404);
});

test("an expired or revoked link gets a plain 410 page saying whom to ask", async ({
  page,
  db,
}) => {
  const expired = (await createVendorLink(db, { expiresAt: new Date(Date.now() - 1000) })).token;
  let res = await page.goto(`/respond/${expired}`);
  expect(res?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(page.getByRole("link", { name: "vendor-risk@demo.example" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("HR Orbit");

  const revoked = (await createVendorLink(db, { revokedAt: new Date() })).token;
  res = await page.goto(`/respond/${revoked}`);
  expect(res?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "This link was withdrawn" })).toBeVisible();
  const api = await page.request.post(`/api/respond/${revoked}/answers`, {
    headers: { Origin: new URL(page.url()).origin },
    data: {
      questionId: "topology",
      value: "single_site",
      baseVersion: 0,
      idempotencyKey: "k-revoked-1",
    },
  });
  expect(api.status()).toBe(410);
  // The offline workbook (issue 22) answers as every other portal route does.
  for (const token of [expired, revoked])
    expect((await page.request.get(`/api/respond/${token}/answers.xlsx`)).status()).toBe(410);
});

test("revoking from the review page stops the link at once", async ({ page, browser, db }) => {
  const { token } = await createVendorLink(db);
  const inv = await db.invitation.findFirstOrThrow({
    where: { email: "x@vendor.example" },
    orderBy: { createdAt: "desc" },
  });
  const vendorPage = await (await browser.newContext()).newPage();
  expect((await vendorPage.goto(`/respond/${token}`))?.status()).toBe(200);
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_USERS.procurement.email);
  await page.getByLabel("Password").fill(DEMO_USERS.procurement.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/dashboard");
  await page.goto(`/assessments/${inv.assessmentId}`);
  await page.getByRole("button", { name: "Revoke link of x@vendor.example" }).click();
  await page
    .getByRole("dialog", { name: "Revoke the link of x@vendor.example?" })
    .getByRole("button", { name: "Yes, revoke the link" })
    .click();
  await expect(page.getByText("no longer works")).toBeVisible();
  expect((await vendorPage.goto(`/respond/${token}`))?.status()).toBe(410);
});
