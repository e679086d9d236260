import fs from "node:fs";
import { createToken } from "@/lib/tokens";
import { DEMO_USERS, expect, test } from "./fixtures";

// Read, not imported: Playwright loads tests as ES modules, where JSON needs import attributes.
const bcdr = JSON.parse(fs.readFileSync("questionnaires/bcdr-core.v1.json", "utf8"));

async function makeInvitation(
  db: Parameters<Parameters<typeof test>[2]>[0]["db"],
  patch: { expiresAt?: Date; revokedAt?: Date },
) {
  const vendor = await db.vendor.findFirstOrThrow({ where: { name: "HR Orbit" } });
  const qv = await db.questionnaireVersion.create({
    data: {
      key: "bcdr-core",
      version: bcdr.version,
      title: bcdr.title,
      definition: bcdr,
      checksum: `test-${Date.now()}-${Math.random()}`,
    },
  });
  const a = await db.assessment.create({
    data: {
      orgId: vendor.orgId,
      vendorId: vendor.id,
      questionnaireVersionId: qv.id,
      requirements: { tier: "moderate" },
      status: "sent",
    },
  });
  const { token, hash } = createToken();
  await db.invitation.create({
    data: {
      orgId: vendor.orgId,
      assessmentId: a.id,
      email: "x@vendor.example",
      tokenHash: hash,
      expiresAt: patch.expiresAt ?? new Date(Date.now() + 86_400_000),
      revokedAt: patch.revokedAt ?? null,
    },
  });
  return token;
}

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
  const expired = await makeInvitation(db, { expiresAt: new Date(Date.now() - 1000) });
  let res = await page.goto(`/respond/${expired}`);
  expect(res?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(page.getByRole("link", { name: "vendor-risk@demo.example" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("HR Orbit");

  const revoked = await makeInvitation(db, { revokedAt: new Date() });
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
});

test("revoking from the review page stops the link at once", async ({ page, browser, db }) => {
  const token = await makeInvitation(db, {});
  const inv = await db.invitation.findFirstOrThrow({
    where: { email: "x@vendor.example" },
    orderBy: { createdAt: "desc" },
  });
  const vendorPage = await (await browser.newContext()).newPage();
  expect((await vendorPage.goto(`/respond/${token}`))?.status()).toBe(200);
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_USERS.procurement.email);
  await page.getByLabel("Password").fill(DEMO_USERS.procurement.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
  await page.goto(`/assessments/${inv.assessmentId}`);
  await page.getByRole("button", { name: "Revoke link of x@vendor.example" }).click();
  await expect(page.getByText("no longer works")).toBeVisible();
  expect((await vendorPage.goto(`/respond/${token}`))?.status()).toBe(410);
});
