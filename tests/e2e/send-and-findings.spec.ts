// Guards against three slips the walkthrough found (issue 11, item 9): a second questionnaire
// sent to a vendor that already has one open, without a word; "From flag" filling nothing (and
// a critical flag giving a high finding); and /favicon.ico answering 404 on every page.
import { createVendorLink, DEMO_USERS, expect, signIn, type TDb, test } from "./fixtures";

const tag = Date.now();
// The engine's titles for two codes (lib/rules/definitions; flag-titles.test.ts checks the map).
const TITLES: Record<string, string> = {
  SINGLE_SITE: "The data lives in one place",
  DR_TEST_STALE: "The last disaster-recovery exercise is too old",
};
const flagTitle = (code: string) => TITLES[code]!;

async function demoOrgId(db: TDb) {
  return (await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.procurement.email } }))
    .orgId;
}

test("sending to a vendor with an open assessment warns, links it, and needs a confirmation", async ({
  page,
  db,
}) => {
  const orgId = await demoOrgId(db);
  const qv = await db.questionnaireVersion.findFirstOrThrow({ where: { key: "bcdr-core" } });
  const vendor = await db.vendor.create({
    data: { orgId, name: `Twice Asked ${tag}`, tier: "high", services: ["Payroll"] },
  });
  const open = await db.assessment.create({
    data: {
      orgId,
      vendorId: vendor.id,
      questionnaireVersionId: qv.id,
      requirements: { tier: "high" },
      status: "sent",
      sentAt: new Date(),
      dueDate: new Date("2031-01-31T00:00:00Z"),
    },
  });

  await signIn(page, DEMO_USERS.procurement);
  await page.goto(`/vendors/${vendor.id}`);
  const form = page.getByRole("form", { name: "Send a questionnaire" });
  const warning = form.getByRole("group", { name: "This vendor already has an open assessment" });
  await expect(warning).toBeVisible();
  await expect(
    warning.getByRole("link", { name: /Open assessment \(sent, due 2031-01-31\)/ }),
  ).toHaveAttribute("href", `/assessments/${open.id}`);
  await form.getByLabel("Vendor contact email").fill(`second-${tag}@vendor.example`);

  // Without the confirmation the server refuses, beside the checkbox, and sends nothing.
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  await expect(warning.getByRole("alert")).toContainText(
    `Twice Asked ${tag} already has an open assessment (sent)`,
  );
  expect(await db.assessment.count({ where: { vendorId: vendor.id } })).toBe(1);

  await warning.getByLabel("Send a second questionnaire anyway").check();
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  await page.waitForURL(/\/assessments\/[^/?]+\?sent=1/);
  expect(await db.assessment.count({ where: { vendorId: vendor.id } })).toBe(2);
});

test("raising a finding from a flag fills its title, text and severity (critical stays critical)", async ({
  page,
  db,
}) => {
  const orgId = await demoOrgId(db);
  const qv = await db.questionnaireVersion.findFirstOrThrow({ where: { key: "bcdr-core" } });
  const vendor = await db.vendor.create({
    data: { orgId, name: `Flagged ${tag}`, tier: "critical", services: ["Payments"] },
  });
  const detail = "Every site is in Frankfurt: one regional outage stops the service.";
  const a = await db.assessment.create({
    data: {
      orgId,
      vendorId: vendor.id,
      questionnaireVersionId: qv.id,
      requirements: { tier: "critical" },
      status: "submitted",
      submittedAt: new Date(),
      rating: "critical",
      score: 20,
      flags: {
        create: [
          // A title stored by an older engine: screens use the engine's title for the code.
          { code: "SINGLE_SITE", severity: "critical", title: "t", detail, questions: ["sites"] },
          {
            code: "DR_TEST_STALE",
            severity: "medium",
            title: "t",
            detail: "The last DR test was on 2023-05-01.",
            questions: ["dr_test_last_date"],
          },
        ],
      },
    },
  });

  await signIn(page, DEMO_USERS.procurement);
  await page.goto(`/assessments/${a.id}`);
  const form = page.getByRole("form", { name: "Raise a finding" });
  await expect(form.getByLabel("Severity")).toHaveValue("high");
  await form
    .getByLabel("From flag (optional)")
    .selectOption({ label: `${flagTitle("SINGLE_SITE")} (critical) · SINGLE_SITE` });
  await expect(form.getByLabel("Title")).toHaveValue(flagTitle("SINGLE_SITE"));
  await expect(form.getByLabel("What must change")).toHaveValue(detail);
  await expect(form.getByLabel("Severity")).toHaveValue("critical");
  // Another flag replaces the prefill; the fields stay editable.
  await form
    .getByLabel("From flag (optional)")
    .selectOption({ label: `${flagTitle("DR_TEST_STALE")} (medium) · DR_TEST_STALE` });
  await expect(form.getByLabel("Severity")).toHaveValue("medium");
  await form.getByLabel("Title").fill("Re-run the DR exercise");
  await form.getByRole("button", { name: "Raise finding" }).click();
  await expect(page.getByText("Finding raised.")).toBeVisible();
  const finding = await db.finding.findFirstOrThrow({ where: { assessmentId: a.id } });
  expect([finding.title, finding.severity, finding.description]).toEqual([
    "Re-run the DR exercise",
    "medium",
    "The last DR test was on 2023-05-01.",
  ]);
  // The flags card names each flag by the engine's title, its code beside it.
  await expect(page.getByText(flagTitle("SINGLE_SITE")).first()).toBeVisible();
  await expect(page.getByText("SINGLE_SITE", { exact: true }).first()).toBeVisible();
});

test("/favicon.ico is a real icon and no page requests anything that answers 404", async ({
  page,
  db,
}) => {
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));

  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/login");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.ico/);
  await signIn(page, DEMO_USERS.manager);
  await page.goto("/vendors");
  const { token } = await createVendorLink(db, { email: `icon-${tag}@vendor.example` });
  await page.goto(`/respond/${token}`);
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
});
