import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { DEMO_USERS, expect, signIn, type TDb } from "./fixtures";
import { waitForLink } from "./mail";

// Sending a questionnaire the way procurement does (the vendor page's form), with the
// vendor's answers already saved as the portal saves them, for specs about what follows.

const wellRun = JSON.parse(fs.readFileSync("tests/fixtures/engine/well-run-vendor.json", "utf8"))
  .input.answers as Record<string, unknown>;

/**
 * The well-run vendor of the engine's fixtures, its secondary moved to Cologne (about 150 km
 * from the Frankfurt primary), with the questions bcdr-core 1.1 added answered well.
 */
export const WELL_RUN_1_1: Readonly<Record<string, unknown>> = {
  ...wellRun,
  sites: (wellRun.sites as { id: string }[]).map((s) =>
    s.id === "dub"
      ? { ...s, name: "Cologne secondary", city: "Cologne", lat: 50.9375, lon: 6.9603 }
      : s,
  ),
  declared_min_separation_km: 150,
  unstaged_changes: ["none"],
  single_source_suppliers: ["none"],
  recovery_dependencies: ["none"],
  recovery_identity_independent: "yes",
  immutable_retention_days: 90,
  power_autonomy_hours: 96,
  failover_qualified_staff_count: 4,
  full_restore_test_minutes: 120,
  dr_test_recovery_minutes: 60,
};

export async function demoOrg(db: TDb) {
  const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.admin.email } });
  return db.organization.findUniqueOrThrow({ where: { id: user.orgId } });
}

/**
 * `staff` sends bcdr-core to a new critical vendor it owns; the vendor's answers are saved
 * (each with its first revision, as the portal writes them); the vendor opens the mailed link.
 */
export async function sendWithAnswers(
  browser: Browser,
  db: TDb,
  {
    name,
    staff = DEMO_USERS.procurement,
    answers = WELL_RUN_1_1,
  }: {
    name: string;
    staff?: { email: string; password: string };
    answers?: Readonly<Record<string, unknown>>;
  },
) {
  const org = await demoOrg(db);
  const owner = await db.user.findUniqueOrThrow({ where: { email: staff.email } });
  const vendor = await db.vendor.create({
    data: { orgId: org.id, name, tier: "critical", ownerId: owner.id },
  });
  const proc = await (await browser.newContext()).newPage();
  await signIn(proc, staff);
  await proc.goto(`/vendors/${vendor.id}`);
  const form = proc.getByRole("form", { name: "Send a questionnaire" });
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}@vendor.example`;
  await form.getByLabel("Vendor contact email").fill(email);
  const after = Date.now();
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  await proc.waitForURL(/\/assessments\/[^/?]+\?sent=1/);
  const assessmentId = /assessments\/([^/?]+)/.exec(proc.url())![1]!;
  for (const [questionId, value] of Object.entries(answers)) {
    const v = value as object;
    await db.answer.create({
      data: {
        assessmentId,
        questionId,
        value: v,
        updatedByKind: "vendor",
        revisions: { create: { version: 1, value: v, changedByKind: "vendor" } },
      },
    });
  }
  const link = await waitForLink({ to: email, subject: /./, after });
  const vendorPage = await (await browser.newContext()).newPage();
  await vendorPage.goto(link);
  return { assessmentId, email, link, proc, vendorPage };
}

/** The vendor submits through the portal's button and its last review (a dialog). */
export async function submitAnswers(vendorPage: Page) {
  await vendorPage.getByRole("button", { name: "Submit answers" }).click();
  await vendorPage
    .getByRole("dialog", { name: /^Submit your answers to / })
    .getByRole("button", { name: "Yes, submit" })
    .click();
  await expect(
    vendorPage.getByRole("status").filter({ hasText: /^Submitted\. Thank you/ }),
  ).toBeVisible();
}
