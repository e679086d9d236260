// Guards against requirements that read differently on each screen and a policy nobody can set
// (issue 18): the admin sets the critical tier's separation to 300 km in the policy editor;
// procurement sends to a critical vendor; the vendor portal, the review page and the PDF all
// say 300 km and the separation flag names the policy; the admin then caps that flag's
// severity and a newly submitted assessment shows it lowered, with the reason.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { appDatabase, DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";
import { demoOrg, sendWithAnswers, submitAnswers } from "./send-helpers";

const tag = Date.now();

let original: { policy: unknown } | undefined;
test.afterAll(async () => {
  // Other specs judge the demo organisation at the tier defaults.
  if (!original) return;
  const db = appDatabase();
  await db.organization.update({
    where: { id: (await demoOrg(db)).id },
    data: { policy: original.policy as object },
  });
  await db.$disconnect();
});

test("the policy's separation is what every screen says, and a capped flag is lowered with its reason", async ({
  browser,
  page,
  db,
}) => {
  test.setTimeout(240_000);
  original = { policy: (await demoOrg(db)).policy };

  // The admin tunes the critical tier.
  await signIn(page, DEMO_USERS.admin);
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "risk policy" }).click();
  const critical = page.getByRole("group", { name: "critical tier" });
  await critical.getByLabel("Minimum site separation (km)").fill("300");
  await page.getByRole("button", { name: "Save policy" }).click();
  // A tuned tier needs its reason, named beside the field; nothing is saved.
  await expect(critical.getByText(/Say why this tier is tuned/)).toBeVisible();
  await critical.getByLabel("Why (shown beside the flags it changes)").fill("Board: regional loss");
  await page.getByRole("button", { name: "Preview the effect" }).click();
  await expect(page.getByTestId("policy-note")).toContainText(/open assessments?, \d+ would be/);
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByTestId("policy-note")).toContainText(/Saved as version \d+/);
  await expectAccessible(page);

  // The send form's hint gives the policy's figure for a critical vendor, not the tier's.
  const org = await demoOrg(db);
  const critical1 = await db.vendor.findFirstOrThrow({
    where: { orgId: org.id, tier: "critical", status: "active" },
  });
  await page.goto(`/vendors/${critical1.id}`);
  await expect(page.getByLabel("Minimum site separation (km)")).toHaveAccessibleDescription(
    "Leave empty for your organisation's policy: 300 km",
  );
  await expect(page.getByLabel("Maximum RPO (minutes)")).toHaveAccessibleDescription(
    "Leave empty for the tier default: 15 min",
  );
  await page.goto("/admin/policy");

  // Procurement sends; every reader says 300 km.
  const first = await sendWithAnswers(browser, db, { name: `Policy Ring ${tag}` });
  const stored = await db.assessment.findUniqueOrThrow({ where: { id: first.assessmentId } });
  expect(stored.requirements).toEqual({ tier: "critical" });
  const requirements = first.proc.locator("dl").filter({ hasText: "Separation" });
  await first.proc.reload();
  await expect(requirements).toContainText("300 km (policy)");
  await expect(first.vendorPage.getByText("Too close: under the 300 km required")).toBeVisible();
  await submitAnswers(first.vendorPage);

  const flag = await db.flag.findFirstOrThrow({
    where: { assessmentId: first.assessmentId, code: "SITE_SEPARATION_INSUFFICIENT" },
  });
  expect(flag.detail).toContain("your organisation's policy for critical-tier vendors is 300 km");
  await first.proc.reload();
  await expect(
    first.proc.getByText(/your organisation's policy for critical-tier vendors is 300 km/).first(),
  ).toBeVisible();
  await expectAccessible(first.proc);

  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, DEMO_USERS.manager);
  const pdf = await manager.request.get(`/api/assessments/${first.assessmentId}/report.pdf`);
  expect(pdf.status()).toBe(200);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-pdf-")), "report.pdf");
  fs.writeFileSync(file, await pdf.body());
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  expect(text).toMatch(/at least 300 km/);

  // The admin caps the separation flag; the next submission shows it lowered, with the reason.
  await page.reload();
  await page.getByRole("button", { name: "Add a severity cap" }).click();
  await page.getByLabel("Cap 1: flag").selectOption("SITE_SEPARATION_INSUFFICIENT");
  await page.getByLabel("Cap 1: highest severity").selectOption("low");
  await page.getByLabel("Cap 1: why").fill("Accepted until the new site opens");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByTestId("policy-note")).toContainText(/Saved as version \d+/);

  const second = await sendWithAnswers(browser, db, { name: `Policy Capped ${tag}` });
  await submitAnswers(second.vendorPage);
  const lowered = await db.flag.findFirstOrThrow({
    where: { assessmentId: second.assessmentId, code: "SITE_SEPARATION_INSUFFICIENT" },
  });
  expect(lowered.severity).toBe("low");
  expect(lowered.detail).toContain("Accepted until the new site opens");
  await second.proc.reload();
  await expect(second.proc.getByText(/Accepted until the new site opens/).first()).toBeVisible();
});
