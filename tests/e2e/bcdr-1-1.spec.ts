// Guards against bcdr-core 1.1 reaching the engine but not the people: procurement sets the
// new requirements in the send form, the vendor answers the new questions in the portal, and
// the review page, the PDF, the dashboard and a decided assessment's re-judgement show the
// new flags. Screenshots and the PDF go to test-results/bcdr-1-1/ for a person to look at.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { insertPortalLink } from "../helpers/portal-link";
import { DEMO_USERS, expect, expectAccessible, signIn, type TDb, test } from "./fixtures";
import { answer, expectAllSaved } from "./portal-helpers";
import { submitAnswers } from "./send-helpers";

const out = path.join("test-results", "bcdr-1-1");
const tag = Date.now();
const v11 = JSON.parse(fs.readFileSync("questionnaires/bcdr-core.v1.1.json", "utf8"));
const wellRun = JSON.parse(fs.readFileSync("tests/fixtures/engine/well-run-vendor.json", "utf8"))
  .input.answers as Record<string, unknown>;

async function shot(page: Page, name: string) {
  fs.mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
}

async function demoOrgId(db: TDb) {
  return (await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.procurement.email } }))
    .orgId;
}

test("the send form sets the five 1.1 requirements (tier defaults as hints) and sends on 1.1.0", async ({
  page,
  db,
}) => {
  const vendor = await db.vendor.create({
    data: { orgId: await demoOrgId(db), name: `Ring Zero ${tag}`, tier: "critical" },
  });
  await signIn(page, DEMO_USERS.procurement);
  await page.goto(`/vendors/${vendor.id}`);
  const form = page.getByRole("form", { name: "Send a questionnaire" });
  await expect(form.getByLabel("Questionnaire")).toContainText("(v1.1.0)");
  const notice = form.getByLabel("Maximum delay before customers hear of an incident (hours)");
  await expect(notice).toHaveAccessibleDescription("Leave empty for the tier default: 4 hours");
  await expect(
    form.getByLabel("Minimum people able to lead failover and restore"),
  ).toHaveAccessibleDescription("Leave empty for the tier default: 3 people");
  // The hints follow the tier chosen in the form.
  await form.getByLabel("Tier (sets the defaults)").selectOption("moderate");
  await expect(
    form.getByLabel("Minimum run time on site power, grid down (hours)"),
  ).toHaveAccessibleDescription("Leave empty for the tier default: 24 hours");
  await expect(form.getByText(/The tier default: loss of a site, ransomware/)).toBeVisible();
  await form.getByLabel("Tier (sets the defaults)").selectOption("critical");
  await notice.fill("48");
  const scope = form.getByRole("group", { name: "Scenarios the vendor's plan must cover" });
  await expect(
    scope.getByRole("checkbox", { name: "Ransomware or destructive attack" }),
  ).toBeDisabled();
  await scope.getByLabel(/Only the scenarios ticked below/).check();
  await scope.getByRole("checkbox", { name: "Ransomware or destructive attack" }).check();
  await scope.getByRole("checkbox", { name: "Loss of a site" }).check();
  await form.getByLabel("Vendor contact email").fill(`dr-${tag}@vendor.example`);
  await expectAccessible(page);
  await shot(page, "01-send-form");
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  await page.waitForURL(/\/assessments\/[^/?]+\?sent=1/);
  const id = /assessments\/([^/?]+)/.exec(page.url())![1]!;
  const stored = await db.assessment.findUniqueOrThrow({
    where: { id },
    include: { questionnaireVersion: true },
  });
  expect(stored.questionnaireVersion.version).toBe("1.1.0");
  expect(stored.requirements).toEqual({
    tier: "critical",
    max_notification_hours: 48,
    plan_must_cover: ["site_loss", "ransomware"],
  });
  await expect(page.getByText("Questionnaire bcdr-core 1.1.0")).toBeVisible();
});

test("the portal asks the 1.1 questions; review page, PDF and dashboard show the new flags", async ({
  browser,
  db,
}) => {
  test.setTimeout(180_000);
  const qv = await db.questionnaireVersion.create({
    data: {
      key: v11.id,
      version: v11.version,
      title: v11.title,
      definition: v11,
      checksum: `e2e-1-1-${tag}`,
    },
  });
  const link = await insertPortalLink(db, {
    email: `dr-${tag}@vendor.example`,
    questionnaireVersionId: qv.id,
  });
  const assessmentId = link.assessmentId;
  // The 1.0 answers of the well-run vendor are already saved; the vendor answers the rest.
  await db.answer.createMany({
    data: Object.entries(wellRun).map(([questionId, value]) => ({
      assessmentId,
      questionId,
      value: value as object,
      updatedByKind: "vendor" as const,
    })),
  });
  const vendor = await (await browser.newContext()).newPage();
  await vendor.goto(`/respond/${link.token}`);
  await expect(
    vendor.getByRole("heading", { name: "Failures that reach every site at once" }),
  ).toBeVisible();
  // How long protected copies live is asked only while one exists.
  await expect(vendor.locator("#q-immutable_retention_days")).toBeVisible();
  await answer(vendor, "backup_immutable", "no");
  await answer(vendor, "backup_offline_copy", "no");
  await expect(vendor.locator("#q-immutable_retention_days")).toHaveCount(0);
  await answer(vendor, "backup_immutable", "yes");
  await answer(vendor, "immutable_retention_days", 7);
  await answer(vendor, "unstaged_changes", ["security_agent", "management_agent"]);
  await answer(vendor, "single_source_suppliers", ["dns"]);
  await answer(vendor, "recovery_dependencies", ["runbooks"]);
  await answer(vendor, "recovery_identity_independent", "no");
  await answer(vendor, "power_autonomy_hours", 8);
  await answer(vendor, "failover_qualified_staff_count", 1);
  await answer(vendor, "full_restore_test_minutes", 9000);
  await answer(vendor, "dr_test_recovery_minutes", 45);
  await expectAllSaved(vendor);
  await expectAccessible(vendor);
  await shot(vendor, "02-portal");
  await submitAnswers(vendor);

  const codes = (await db.flag.findMany({ where: { assessmentId } })).map((f) => f.code);
  expect(codes).toEqual(
    expect.arrayContaining([
      "COMMON_MODE_CHANGE",
      "FOURTH_PARTY_SINGLE_POINT",
      "RECOVERY_NEEDS_PRIMARY",
      "RECOVERY_IDENTITY_SHARED",
      "POWER_AUTONOMY_SHORT",
      "IMMUTABLE_RETENTION_SHORT",
      "MEASURED_RECOVERY_EXCEEDS_RTO",
      "KEY_PERSON_DEPENDENCY",
    ]),
  );

  const proc = await (await browser.newContext()).newPage();
  await signIn(proc, DEMO_USERS.procurement);
  await proc.goto(`/assessments/${assessmentId}`);
  const beside = (q: string, code: string) =>
    proc.locator(`[data-question="${q}"] [data-flag="${code}"]`);
  await expect(beside("unstaged_changes", "COMMON_MODE_CHANGE")).toBeVisible();
  await expect(beside("single_source_suppliers", "FOURTH_PARTY_SINGLE_POINT")).toBeVisible();
  await expect(beside("failover_qualified_staff_count", "KEY_PERSON_DEPENDENCY")).toBeVisible();
  await expect(
    proc.getByText("One pushed change can stop every site at once").first(),
  ).toBeVisible();
  await expect(proc.getByText("Questionnaire bcdr-core 1.1.0")).toBeVisible();
  await expectAccessible(proc);
  await shot(proc, "03-review");

  // Reports are a manager's (report:export).
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, DEMO_USERS.manager);
  const pdf = await manager.request.get(`/api/assessments/${assessmentId}/report.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "report.pdf"), await pdf.body());

  await proc.goto("/dashboard");
  const card = proc.getByRole("region", { name: "Common-mode risks" });
  await expect(card).toContainText(/can fail everywhere at once/);
  await expect(
    card.getByRole("link", { name: "One pushed change can stop every site at once" }),
  ).toHaveAttribute("href", "/dashboard?flag=COMMON_MODE_CHANGE#vendors");
  await card.scrollIntoViewIfNeeded();
  await shot(proc, "04-dashboard");
});

test("a decided assessment shows what the current engine adds as of today", async ({
  page,
  db,
}) => {
  const orgId = await demoOrgId(db);
  const qv = await db.questionnaireVersion.create({
    data: {
      key: v11.id,
      version: v11.version,
      title: v11.title,
      definition: v11,
      checksum: `e2e-1-1-decided-${tag}`,
    },
  });
  const vendor = await db.vendor.create({
    data: { orgId, name: `Decided ${tag}`, tier: "critical" },
  });
  const decided = await db.assessment.create({
    data: {
      orgId,
      vendorId: vendor.id,
      questionnaireVersionId: qv.id,
      requirements: { tier: "critical", rto_minutes: 240 },
      status: "accepted",
      submittedAt: new Date("2025-01-10T00:00:00Z"),
      decidedAt: new Date("2025-01-20T00:00:00Z"),
      rating: "low",
      score: 100,
      answers: {
        create: Object.entries({ ...wellRun, unstaged_changes: ["configuration"] }).map(
          ([questionId, value]) => ({
            questionId,
            value: value as object,
            updatedByKind: "vendor" as const,
          }),
        ),
      },
    },
  });
  await signIn(page, DEMO_USERS.manager);
  await page.goto(`/assessments/${decided.id}`);
  const card = page.locator("#rejudge");
  await expect(card).toContainText(/The current engine \(1\.1\.\d+\)/);
  await expect(card.locator('[data-rejudge-added="COMMON_MODE_CHANGE"]')).toBeVisible();
  await expect(page.getByText("rating: low")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "05-rejudge");
});
