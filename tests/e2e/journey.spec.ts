// Guards against the main journey breaking end to end: procurement sends a questionnaire, the
// vendor answers through the emailed link (sites, evidence, a colleague's conflicting edit,
// reloads), submits, procurement reviews and reopens a question, and the manager sees the result.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";
import { waitForLink } from "./mail";
import { answer, expectAllSaved } from "./portal-helpers";
import { submitAnswers } from "./send-helpers";

const shots = path.join("test-results", "screens");
async function shot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

// The answers of the shared-storage example (modelled on the 2009 Sidekick loss), as a vendor
// would type them; the sites are entered separately through the sites editor.
const SIDEKICK: [string, unknown][] = [
  ["topology", "active_passive"],
  ["declared_min_separation_km", 140],
  ["shared_hazards", ["none"]],
  ["shared_control_plane", "no"],
  ["failover_mode", "automatic"],
  ["secondary_capacity_pct", 100],
  ["backup_exists", "yes"],
  ["backup_frequency_hours", 24],
  ["backup_retention_days", 90],
  ["backup_site_ids", ["site-2"]],
  ["backup_shared_dependencies", ["storage_system"]],
  ["backup_immutable", "no"],
  ["backup_offline_copy", "no"],
  ["backup_encrypted", "yes"],
  ["replication_mode", "asynchronous"],
  ["point_in_time_recovery", "no"],
  ["restore_test_last_date", "2008-03-01"],
  ["restore_test_scope", ["file_level"]],
  ["rpo_minutes", 1440],
  ["customer_notification_hours", 1],
  ["plan_exists", "yes"],
  ["plan_last_reviewed_date", "2008-06-01"],
  ["dr_test_last_date", "2008-06-01"],
  ["dr_test_type", "tabletop"],
  ["dr_test_met_objectives", "yes"],
  [
    "plan_covers",
    ["site_loss", "region_loss", "ransomware", "provider_failure", "data_corruption", "staff_loss"],
  ],
  ["certifications", ["iso22301", "iso27001", "soc2_type2_availability"]],
  ["customer_export", "none"],
  ["status_page", "yes"],
  ["customer_local_copy", "no"],
  // bcdr-core 1.1 (new assessments are sent on it): answered soundly, raising nothing.
  ["unstaged_changes", ["none"]],
  ["single_source_suppliers", ["none"]],
  ["recovery_dependencies", ["none"]],
  ["recovery_identity_independent", "yes"],
  ["power_autonomy_hours", 72],
  ["failover_qualified_staff_count", 3],
];

async function pickCity(page: Page, site: number, query: string, optionText: RegExp) {
  const group = page.getByRole("group", { name: new RegExp(`^Site ${site}`) });
  await group.getByRole("combobox", { name: "City" }).fill(query);
  await page.getByRole("option", { name: optionText }).first().click();
}

test("the questionnaire journey: send, answer, conflict, submit, review, change, accept", async ({
  browser,
  db,
}) => {
  test.setTimeout(300_000);
  const vendorName = `Sidekick Data ${Date.now()}`;
  const vendorEmail = `dr-lead-${Date.now()}@vendor.example`;
  const colleagueEmail = `sre-${Date.now()}@vendor.example`;

  // Procurement creates the vendor and sends the questionnaire.
  const proc = await (await browser.newContext()).newPage();
  await signIn(proc, DEMO_USERS.procurement);
  await proc.goto("/vendors");
  const vf = proc.getByRole("form", { name: "Add a vendor" });
  await vf.getByLabel("Vendor name").fill(vendorName);
  await vf.getByLabel("Criticality tier").selectOption("high");
  await vf.getByLabel("Services provided").fill("Phone data sync");
  await vf.getByRole("button", { name: "Add vendor" }).click();
  await proc.getByRole("link", { name: vendorName }).click();
  await expect(proc.getByRole("heading", { level: 1, name: vendorName })).toBeVisible();
  const cf = proc.getByRole("form", { name: "Add a contact" });
  await cf.getByLabel("Name").fill("Dana DR-Lead");
  await cf.getByLabel("Email").fill(vendorEmail);
  await cf.getByRole("button", { name: "Add contact" }).click();
  await expect(proc.getByText(`Dana DR-Lead · ${vendorEmail}`)).toBeVisible();
  await proc.reload();
  const sf = proc.getByRole("form", { name: "Send a questionnaire" });
  await sf.getByLabel("Maximum RTO (minutes)").fill("1440");
  await sf.getByLabel("Maximum RPO (minutes)").fill("240");
  await sf.getByLabel("Minimum site separation (km)").fill("100");
  await sf.getByLabel("Maximum test age (months)").fill("12");
  await expect(sf.getByLabel("Send to").locator("option:checked")).toHaveText(
    `Dana DR-Lead (${vendorEmail})`,
  );
  await expectAccessible(proc);
  await shot(proc, "01-procurement-send");
  const sentAt = Date.now();
  await sf.getByRole("button", { name: "Send questionnaire" }).click();
  await proc.waitForURL(/\/assessments\/[^/?]+\?sent=1/);
  const assessmentId = /assessments\/([^/?]+)/.exec(proc.url())![1]!;
  await expect(proc.getByRole("status")).toContainText("The questionnaire was sent");

  // The vendor opens the link from the email it received over SMTP.
  const link = await waitForLink({
    to: vendorEmail,
    subject: /BC\/DR questionnaire/,
    after: sentAt - 1000,
  });
  const stored = await db.invitation.findFirstOrThrow({ where: { assessmentId } });
  expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  expect(link).not.toContain(stored.tokenHash);
  const vendorCtx = await browser.newContext();
  const vendor = await vendorCtx.newPage();
  await vendor.goto(link);
  await expect(vendor.getByRole("heading", { level: 1 })).toContainText("Business continuity");

  // Sites: two picked from the city list, one typed by coordinates.
  const add = vendor.getByRole("button", { name: "Add site" });
  await add.click();
  let g = vendor.getByRole("group", { name: /^Site 1/ });
  await g.getByLabel("Name").fill("Main data center");
  await g.getByLabel("Role").selectOption("primary");
  await g.getByLabel("Provider").fill("Handset Data Inc");
  await pickCity(vendor, 1, "Palo Alto", /^Palo Alto, United States/);
  await g.getByLabel("Facility (optional)").fill("PA-1");
  await expect(g.getByLabel("Latitude")).toHaveValue(/^37\.4/);

  await add.click();
  g = vendor.getByRole("group", { name: /^Site 2/ });
  await g.getByLabel("Name").fill("Backup database");
  await g.getByLabel("Role").selectOption("backup");
  await g.getByLabel("Provider").fill("Handset Data Inc");
  await g.getByRole("combobox", { name: "City" }).fill("Palo Alto");
  await g.getByRole("combobox", { name: "City" }).press("Escape");
  await g.getByLabel("Country code").fill("US");
  await g.getByLabel("Latitude").fill("37.4419");
  await g.getByLabel("Longitude").fill("-122.143");
  await g.getByLabel("Facility (optional)").fill("PA-1");

  await add.click();
  g = vendor.getByRole("group", { name: /^Site 3/ });
  await g.getByLabel("Name").fill("Standby");
  await g.getByLabel("Role").selectOption("secondary");
  await g.getByLabel("Provider").fill("Handset Data Inc");
  await pickCity(vendor, 3, "Sacramento", /^Sacramento, United States/);
  await expectAllSaved(vendor);

  await vendor.locator("#q-subprocessors").getByRole("button", { name: "There are none" }).click();
  // A few answers, then a submit that lists what is missing, linked to each question.
  for (const [id, value] of SIDEKICK.slice(0, 8)) await answer(vendor, id, value);
  await answer(vendor, "rto_minutes", 1440);
  await expectAllSaved(vendor);
  await vendor.getByRole("button", { name: "Submit answers" }).click();
  const missing = vendor.getByRole("list", { name: "What is missing" });
  await expect(missing.getByRole("link", { name: /backup copies|Backup/i }).first()).toBeVisible();
  await expect(missing.getByRole("link").first()).toHaveAttribute("href", /^#q-/);

  // Evidence against a question: a real PDF is accepted, HTML named .pdf is refused.
  const planCard = vendor.locator("#q-shared_control_plane");
  await planCard.getByText(/^Evidence/).click();
  await planCard.getByLabel(/^File/).setInputFiles({
    name: "architecture.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  });
  await planCard.getByLabel("Date of the evidence").fill("2009-09-01");
  await planCard.getByRole("button", { name: "Upload" }).click();
  await expect(planCard.getByRole("link", { name: "architecture.pdf" })).toBeVisible();
  await planCard.getByLabel(/^File/).setInputFiles({
    name: "evil.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  await planCard.getByRole("button", { name: "Upload" }).click();
  await expect(planCard.getByRole("alert")).toContainText("not accepted");

  // Reload mid-way: everything typed so far is still there.
  await vendor.reload();
  await expect(vendor.getByRole("group", { name: /^Site 3: Standby/ })).toBeVisible();
  await expect(vendor.getByRole("group", { name: /^Site 2/ }).getByLabel("Latitude")).toHaveValue(
    "37.4419",
  );
  await expect(vendor.locator("#q-topology input[value=active_passive]")).toBeChecked();
  await expect(vendor.locator("#q-rto_minutes-input")).toHaveValue("1440");
  await expectAccessible(vendor);
  await shot(vendor, "02-vendor-portal");

  // A colleague, invited from the portal, edits the same answer: the conflict is shown.
  const inviteForm = vendor.getByRole("form", { name: "Invite a colleague" });
  await inviteForm.getByLabel("Colleague's email").fill(colleagueEmail);
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(inviteForm.getByRole("status")).toContainText(colleagueEmail);
  const colleagueLink = await waitForLink({ to: colleagueEmail, subject: /BC\/DR questionnaire/ });
  expect(colleagueLink).not.toBe(link);
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(colleagueLink);
  await answer(colleague, "rto_minutes", 720);
  await expectAllSaved(colleague);
  await answer(vendor, "rto_minutes", 1441);
  const conflict = vendor.locator("#q-rto_minutes").getByRole("alert");
  await expect(conflict).toContainText("A colleague changed this answer");
  await expect(conflict.getByTestId("conflict-theirs")).toHaveText("720 minutes");
  await expect(conflict.getByTestId("conflict-mine")).toHaveText("1441 minutes");
  await shot(vendor, "03-conflict");
  await answer(vendor, "rto_minutes", 1440);
  await conflict.getByRole("button", { name: "Keep my answer" }).click();
  await expectAllSaved(vendor);
  const rto = await db.answer.findFirstOrThrow({
    where: { assessmentId, questionId: "rto_minutes" },
  });
  expect(rto.value).toBe(1440);
  expect(rto.version).toBe(3);

  // The rest of the shared-storage pattern, then submit.
  for (const [id, value] of SIDEKICK.slice(8)) await answer(vendor, id, value);
  await expectAllSaved(vendor);
  await submitAnswers(vendor);
  await expect(vendor.locator("#q-topology input[value=active_passive]")).toBeDisabled();
  // A second submit changes nothing.
  const again = await vendor.request.post(
    `${link.replace(/\/respond\//, "/api/respond/")}/submit`,
    { headers: { Origin: new URL(link).origin } },
  );
  expect((await again.json()).status).toBe("already_submitted");
  expect(
    await db.auditEvent.count({
      where: { targetId: assessmentId, action: "assessment.submitted" },
    }),
  ).toBe(1);

  // Procurement sees the flags beside the questions that raised them, and reopens one.
  await proc.goto(`/assessments/${assessmentId}`);
  const beside = (q: string, code: string) =>
    proc.locator(`[data-question="${q}"] [data-flag="${code}"]`);
  await expect(beside("backup_shared_dependencies", "BACKUP_SHARED_DEPENDENCY")).toBeVisible();
  await expect(beside("backup_site_ids", "BACKUP_COLOCATED")).toBeVisible();
  await expect(beside("customer_export", "NO_CUSTOMER_EXPORT")).toBeVisible();
  await expect(beside("dr_test_type", "DR_TEST_TABLETOP_ONLY")).toBeVisible();
  await expect(proc.getByText("rating: critical")).toBeVisible();
  await expectAccessible(proc);
  await shot(proc, "04-review");
  const review = proc.getByRole("group", { name: "Request changes" });
  await review
    .getByRole("checkbox", { name: /Can the buyer export all of its data/ })
    .first()
    .check();
  await review
    .getByRole("textbox")
    .fill("Customers must be able to export their own data at once. What can you offer?");
  await review.getByRole("button", { name: /Request changes \(1\)/ }).click();
  // The header shows the new status (the review panel closes).
  await expect(proc.getByText("Changes requested", { exact: true })).toBeVisible();

  // The vendor sees only that question reopened, with the comment, and fixes it.
  await vendor.reload();
  await expect(vendor.getByText(/asked for changes to 1 question/)).toBeVisible();
  await expect(vendor.locator("#q-customer_export").getByRole("note")).toContainText(
    "export their own data",
  );
  await expect(vendor.locator("#q-topology input[value=active_passive]")).toBeDisabled();
  await shot(vendor, "05-changes-requested");
  await answer(vendor, "customer_export", "self_service");
  // Exports now exist, so the export-formats question appears, and it is open too.
  await answer(vendor, "export_formats", ["csv", "json", "api"]);
  await expectAllSaved(vendor);
  await submitAnswers(vendor);

  // Procurement: the export flag is gone; it raises a finding and accepts.
  await proc.reload();
  await expect(proc.locator('[data-flag="NO_CUSTOMER_EXPORT"]')).toHaveCount(0);
  await expect(beside("backup_shared_dependencies", "BACKUP_SHARED_DEPENDENCY")).toBeVisible();
  const ff = proc.getByRole("form", { name: "Raise a finding" });
  await ff.getByLabel("From flag (optional)").selectOption({
    label:
      "Backups depend on the same infrastructure as production (critical) · BACKUP_SHARED_DEPENDENCY",
  });
  await ff.getByLabel("Title").fill("Move backups off the primary storage array");
  await ff
    .getByLabel("What must change")
    .fill("Backups must live on storage that shares nothing with production.");
  await ff.getByLabel("Due date").fill("2027-03-31");
  await ff.getByRole("button", { name: "Raise finding" }).click();
  await expect(proc.getByText("Finding raised.")).toBeVisible();
  await proc.getByRole("button", { name: "Accept", exact: true }).click();
  // The decision replaces the review panel; the header shows the new status.
  await expect(proc.getByText("Accepted", { exact: true })).toBeVisible();
  await proc.reload();
  await expect(proc.getByText("Accepted", { exact: true })).toBeVisible();
  await expect(proc.getByText(/next reassessment/)).toBeVisible();

  // The manager sees the result.
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, DEMO_USERS.manager);
  await manager.goto("/assessments");
  const row = manager.getByRole("row").filter({ hasText: vendorName });
  await expect(row).toContainText("Accepted");
  await expect(row).toContainText("critical");
  await row.getByRole("link", { name: "Accepted" }).click();
  await expect(manager.getByText("Move backups off the primary storage array")).toBeVisible();
  await expectAccessible(manager);
  await shot(manager, "06-manager");
});
