// Guards against an organisation's own questions and rules that do not reach the vendor or the
// verdict (issue 19): the admin adds two questions (one shown only when a core answer holds) and
// one rule in the editor; procurement sends; the vendor sees the conditional question appear and
// answers both; the organisation's flag is raised beside its question on the review page and in
// the PDF, labelled as the organisation's rule, and counts in the assessment's rating. Also: the
// editor's preview is the portal's own question cards, with conditions ("is one of", refused
// beside the field when the answer cannot be); a reviewer raises a finding on the organisation's
// flag and requests changes on its question, which alone reopens for the vendor.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { appDatabase, DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";
import { answer, expectAllSaved } from "./portal-helpers";
import { demoOrg, sendWithAnswers, submitAnswers, WELL_RUN_1_1 } from "./send-helpers";

const tag = Date.now();
const AUDIT_LABEL = "When did an independent auditor last check your backups?";
const FLAG_TITLE = "Backups not independently audited this year";

test.afterAll(async () => {
  // Other specs send the core questionnaire alone: a new, empty version of the extension.
  const db = appDatabase();
  const org = await demoOrg(db);
  const last = await db.extensionVersion.findFirst({
    where: { orgId: org.id },
    orderBy: { version: "desc" },
  });
  await db.extensionVersion.create({
    data: {
      orgId: org.id,
      version: (last?.version ?? 0) + 1,
      definition: { sections: [], rules: [] },
    },
  });
  await db.$disconnect();
});

test("the organisation's own questions reach the vendor, and its rule's flag the review, the PDF and the rating", async ({
  browser,
  page,
  db,
}) => {
  test.setTimeout(480_000);

  // The admin adds an always-shown question, a conditional one and a rule.
  await signIn(page, DEMO_USERS.admin);
  await page.goto("/admin/questions");
  const add = page.getByRole("form", { name: "Add a question" });
  await add.getByLabel("New section title").fill("Insurance and audits");
  await add.getByLabel("Question id").fill("x_cyber_insured");
  await add.getByLabel("Question", { exact: true }).fill("Do you hold cyber insurance?");
  await add.getByRole("button", { name: "Add question" }).click();
  await expect(add.getByText("Question x_cyber_insured added.")).toBeVisible();
  // The same id again is refused beside the field, and nothing is saved.
  await add.getByLabel("Question id").fill("x_cyber_insured");
  await add.getByLabel("Question", { exact: true }).fill("Twice?");
  await add.getByRole("button", { name: "Add question" }).click();
  await expect(add.getByText("an id used once (x_cyber_insured appears twice)")).toBeVisible();
  await add.getByLabel("Question id").fill("x_backup_audit");
  await add.getByLabel("Question", { exact: true }).fill(AUDIT_LABEL);
  await add.getByLabel("Shape").selectOption("date");
  await add.getByLabel("This question").selectOption("backup_exists");
  await add.getByLabel("Its answer").selectOption("in");
  // An answer the core question cannot have is refused beside the field, naming the ones it can.
  await add.getByLabel("One of these answers").fill("yes, maybe");
  await add.getByRole("button", { name: "Add question" }).click();
  await expect(
    add.getByText("the condition's answer to backup_exists: one of yes, no, unknown (not maybe)"),
  ).toBeVisible();
  await add.getByLabel("One of these answers").fill("yes, unknown");
  await add.getByRole("button", { name: "Add question" }).click();
  await expect(add.getByText("Question x_backup_audit added.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Section Insurance and audits" })).toContainText(
    "Shown only when backup_exists is one of yes, unknown.",
  );

  const rule = page.getByRole("form", { name: "Add a rule" });
  await rule.getByLabel("When the answer to").selectOption("x_backup_audit");
  await rule.getByLabel("Condition").selectOption("olderThanMonths");
  await rule.getByLabel("Value").fill("12");
  await rule.getByLabel("Flag code").fill("ORG_BACKUP_AUDIT_STALE");
  await rule.getByLabel("Flag title").fill(FLAG_TITLE);
  await rule.getByLabel("Severity").selectOption("high");
  await rule.getByLabel("Explanation").fill("The last independent backup audit was on {answer}.");
  await rule.getByRole("button", { name: "Add rule" }).click();
  await expect(rule.getByText("Rule ORG_BACKUP_AUDIT_STALE added.")).toBeVisible();
  // The preview is the portal's own question cards: the conditional question appears when the
  // core answer it reads is given there (nothing is saved), and goes when it no longer holds.
  const preview = page.getByTestId("extension-preview");
  await expect(preview.locator("#q-x_cyber_insured")).toContainText("Do you hold cyber insurance?");
  await expect(preview.locator("#q-x_cyber_insured input[type=radio]")).toHaveCount(3);
  await expect(preview.locator("#q-x_backup_audit")).toHaveCount(0);
  await answer(page, "backup_exists", "unknown");
  await expect(preview.locator("#q-x_backup_audit")).toContainText(AUDIT_LABEL);
  await expect(preview.locator("#q-x_backup_audit-input")).toHaveAttribute("type", "date");
  await answer(page, "backup_exists", "no");
  await expect(preview.locator("#q-x_backup_audit")).toHaveCount(0);
  await answer(page, "backup_exists", "yes");
  await expect(preview.locator("#q-x_backup_audit")).toBeVisible();
  await expectAccessible(page);

  // Procurement sends; the core answers are in, except whether backups exist.
  const { backup_exists: _, ...answers } = WELL_RUN_1_1;
  const sent = await sendWithAnswers(browser, db, { name: `Own Questions ${tag}`, answers });
  const vendor = sent.vendorPage;
  await expect(vendor.getByText("Do you hold cyber insurance?")).toBeVisible();
  await expect(vendor.locator("#q-x_backup_audit")).toHaveCount(0);
  await answer(vendor, "backup_exists", "yes");
  await expect(vendor.locator("#q-x_backup_audit")).toBeVisible();
  await answer(vendor, "x_cyber_insured", "yes");
  await answer(vendor, "x_backup_audit", "2025-01-15");
  await expectAllSaved(vendor);
  await expectAccessible(vendor);
  await submitAnswers(vendor);

  // The flag is stored beside its question and counts in the rating (the core alone: medium).
  const flags = await db.flag.findMany({ where: { assessmentId: sent.assessmentId } });
  const own = flags.find((f) => f.code === "ORG_BACKUP_AUDIT_STALE");
  expect(own).toMatchObject({ severity: "high", title: FLAG_TITLE, questions: ["x_backup_audit"] });
  expect(own?.detail).toBe("The last independent backup audit was on 2025-01-15.");
  expect(
    flags.filter((f) => f !== own).every((f) => ["info", "low", "medium"].includes(f.severity)),
  ).toBe(true);
  const judged = await db.assessment.findUniqueOrThrow({ where: { id: sent.assessmentId } });
  expect(judged.rating).toBe("high");

  // The review page shows it beside its question, as the organisation's rule.
  await sent.proc.reload();
  const beside = sent.proc.locator(
    '[data-question="x_backup_audit"] [data-flag="ORG_BACKUP_AUDIT_STALE"]',
  );
  await expect(beside).toContainText(FLAG_TITLE);
  await expect(beside).toContainText("Organisation's rule");
  await expect(sent.proc.getByText("rating: high")).toBeVisible();
  await expect(sent.proc.locator('[data-question="x_cyber_insured"]')).toContainText("Yes");
  await expectAccessible(sent.proc);

  // And the PDF prints it with its question.
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, DEMO_USERS.manager);
  const pdf = await manager.request.get(`/api/assessments/${sent.assessmentId}/report.pdf`);
  expect(pdf.status()).toBe(200);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "own-questions-")), "report.pdf");
  fs.writeFileSync(file, await pdf.body());
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain(FLAG_TITLE);
  expect(text).toContain("ORG_BACKUP_AUDIT_STALE · Organisation's rule");
  expect(text).toContain(`${AUDIT_LABEL}: 2025-01-15`);
  expect(text).toContain("Insurance and audits");

  // The dashboard offers the organisation's flag by its title, and filters the vendors by it.
  await manager.goto("/dashboard?flag=ORG_BACKUP_AUDIT_STALE");
  const flagFilter = manager.getByRole("form", { name: "Filter vendors" }).getByLabel("Flag");
  await expect(flagFilter).toHaveValue("ORG_BACKUP_AUDIT_STALE");
  await expect(flagFilter.locator("option:checked")).toHaveText(
    `${FLAG_TITLE} (ORG_BACKUP_AUDIT_STALE · Organisation's rule)`,
  );
  const listed = manager.locator("#vendors").getByRole("link", { name: `Own Questions ${tag}` });
  await expect(listed).toBeVisible();

  // The reviewer raises a finding on the organisation's flag, then asks for another answer to
  // its question: that question alone reopens for the vendor, and the new answer is judged.
  const proc = sent.proc;
  const raise = proc.getByRole("form", { name: "Raise a finding" });
  await raise.getByLabel("From flag (optional)").selectOption({
    label: `${FLAG_TITLE} (high) · ORG_BACKUP_AUDIT_STALE`,
  });
  await expect(raise.getByLabel("Title")).toHaveValue(FLAG_TITLE);
  await raise.getByRole("button", { name: "Raise finding" }).click();
  await expect(proc.getByText("Finding raised.")).toBeVisible();
  expect(
    await db.finding.findFirstOrThrow({ where: { assessmentId: sent.assessmentId } }),
  ).toMatchObject({ code: "ORG_BACKUP_AUDIT_STALE", title: FLAG_TITLE, severity: "high" });
  const review = proc.getByRole("group", { name: "Request changes" });
  await review.getByRole("checkbox", { name: AUDIT_LABEL }).check();
  await review.getByRole("textbox").fill("Please give the date of your latest audit report.");
  await review.getByRole("button", { name: /Request changes \(1\)/ }).click();
  await expect(proc.getByText("Changes requested", { exact: true })).toBeVisible();
  await vendor.reload();
  await expect(vendor.getByText(/asked for changes to 1 question/)).toBeVisible();
  await expect(vendor.locator("#q-x_backup_audit").getByRole("note")).toContainText(
    "latest audit report",
  );
  await expect(vendor.locator("#q-x_cyber_insured input[value=yes]")).toBeDisabled();
  const recent = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  await answer(vendor, "x_backup_audit", recent);
  await expectAllSaved(vendor);
  await submitAnswers(vendor);
  await expect
    .poll(async () =>
      db.flag.count({ where: { assessmentId: sent.assessmentId, code: "ORG_BACKUP_AUDIT_STALE" } }),
    )
    .toBe(0);
  await proc.reload();
  await expect(proc.locator('[data-flag="ORG_BACKUP_AUDIT_STALE"]')).toHaveCount(0);
  await expect(proc.locator('[data-question="x_backup_audit"]')).toContainText(recent);
});
