import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Guards against a policy nobody can set or trace: the editor's schema names each bad field,
// a save is a new version (kept, audited) that new assessments name, and the preview counts
// the open assessments whose requirements a change would alter (issue 18).

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-policy-"));
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers, sendTestAssessment } = await import("../db");
const { getPolicy, previewPolicy, savePolicy } = await import("@/lib/data/policy");
const { ZPolicyForm, policyToForm } = await import("@/lib/schemas/policy");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "policy");
const other = await createOrgWithUsers(prisma, "policy-other");

const blank = () => policyToForm({});
const errorsOf = (input: unknown) => {
  const r = ZPolicyForm.safeParse(input);
  return r.success
    ? {}
    : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the policy editor", () => {
  it("names each bad field and parses a good form to the stored policy", () => {
    const form = blank();
    form.tiers.critical = { ...form.tiers.critical, min_separation_km: "far" };
    form.downgrades = [{ code: "PROVIDER_CONCENTRATION", severity: "low", reason: "" }];
    expect(errorsOf(form)).toEqual({
      "tiers.critical.min_separation_km": "Minimum separation must be a number",
      "downgrades.0.reason": "Say why this flag is capped (reviewers read it beside the flag)",
    });
    // Checks across fields, once each field is valid on its own.
    const across = blank();
    across.tiers.high = { ...across.tiers.high, max_test_age_months: "6" };
    across.tiers.low = { ...across.tiers.low, allowed_countries: "DE" };
    across.downgrades = [
      { code: "PROVIDER_CONCENTRATION", severity: "low", reason: "Accepted" },
      { code: "PROVIDER_CONCENTRATION", severity: "info", reason: "twice" },
    ];
    expect(errorsOf(across)).toEqual({
      "tiers.high.reason":
        "Say why this tier is tuned (reviewers read it beside the flags it changes)",
      "tiers.low.reason":
        "Say why this tier is tuned (reviewers read it beside the flags it changes)",
      "downgrades.1.code": "This flag is capped twice: keep one cap per flag",
    });
    const good = blank();
    good.tiers.critical = { ...good.tiers.critical, min_separation_km: "300", reason: "Board" };
    good.tiers.high = { ...good.tiers.high, allowed_countries: "de, ie", reason: "EU only" };
    good.downgrades = [{ code: "PROVIDER_CONCENTRATION", severity: "low", reason: "Accepted" }];
    const policy = ZPolicyForm.parse(good);
    expect(policy).toEqual({
      tiers: {
        critical: { min_separation_km: 300, reason: "Board" },
        high: { allowed_countries: ["DE", "IE"], reason: "EU only" },
      },
      downgrades: [{ code: "PROVIDER_CONCENTRATION", severity: "low", reason: "Accepted" }],
    });
    // What is stored reads back into the same form.
    expect(ZPolicyForm.parse(policyToForm(policy))).toEqual(policy);
  });

  it("tunes the bcdr-core 1.1 fields, with the send form's checks, and reads them back", () => {
    const bad = blank();
    bad.tiers.moderate = {
      ...bad.tiers.moderate,
      min_failover_staff_count: "1.5",
      max_notification_hours: "-1",
    };
    expect(errorsOf(bad)).toEqual({
      "tiers.moderate.min_failover_staff_count": "Minimum failover staff must be a whole number",
      "tiers.moderate.max_notification_hours": "Maximum notification delay cannot be negative",
    });
    // A custom plan scope is a tuning too: it needs its reason.
    const scope = blank();
    scope.tiers.low = { ...scope.tiers.low, plan_scope: "custom", plan_must_cover: ["site_loss"] };
    expect(errorsOf(scope)).toEqual({
      "tiers.low.reason":
        "Say why this tier is tuned (reviewers read it beside the flags it changes)",
    });
    const good = blank();
    good.tiers.critical = {
      ...good.tiers.critical,
      min_power_autonomy_hours: "24",
      plan_scope: "custom",
      plan_must_cover: ["site_loss", "ransomware"],
      reason: "Colocation with a fuel contract",
    };
    // Ticks left behind under "the tier default" are not a tuning.
    good.tiers.high = {
      ...good.tiers.high,
      plan_scope: "default",
      plan_must_cover: ["staff_loss"],
    };
    const policy = ZPolicyForm.parse(good);
    expect(policy).toEqual({
      tiers: {
        critical: {
          min_power_autonomy_hours: 24,
          plan_must_cover: ["site_loss", "ransomware"],
          reason: "Colocation with a fuel contract",
        },
      },
    });
    expect(ZPolicyForm.parse(policyToForm(policy))).toEqual(policy);
  });

  it("previews, saves a new version (audited) and new assessments name it", async () => {
    await sendTestAssessment(prisma, org, {
      vendorName: "Critical One",
      email: "one@vendor.example",
      tier: "critical",
    });
    await sendTestAssessment(prisma, org, {
      vendorName: "Low One",
      email: "low@vendor.example",
      tier: "low",
    });
    await sendTestAssessment(prisma, other, {
      vendorName: "Elsewhere",
      email: "else@vendor.example",
      tier: "critical",
    });
    const policy = {
      tiers: { critical: { min_separation_km: 300, reason: "Our board asks for distance" } },
    };
    // Only this organisation's open critical assessment would change.
    expect(await previewPolicy({ orgId: org.org.id, policy })).toEqual({ open: 2, affected: 1 });
    expect(await savePolicy({ orgId: org.org.id, actorId: org.admin.id, policy })).toEqual({
      version: 2,
      affected: 1,
    });
    const read = await getPolicy({ orgId: org.org.id });
    expect(read.policy).toEqual(policy);
    expect(read.version).toBe(2);
    expect(read.versions).toEqual([
      { version: 2, createdAt: expect.any(Date), by: org.admin.name },
    ]);
    expect(
      await prisma.auditEvent.count({
        where: { orgId: org.org.id, action: "org.policy_changed" },
      }),
    ).toBe(1);
    // The other organisation's policy is untouched.
    expect((await getPolicy({ orgId: other.org.id })).version).toBe(1);

    const next = await sendTestAssessment(prisma, org, {
      vendorName: "Critical Two",
      email: "two@vendor.example",
      tier: "critical",
    });
    const row = await prisma.assessment.findUniqueOrThrow({ where: { id: next.assessment.id } });
    expect(row.requirementsPolicyVersion).toBe(2);
    expect(row.resolvedRequirements).toMatchObject({ min_separation_km: 300 });
    // Saved again: the next version. The assessment sent under version 1 still takes 300 km
    // only when submitted; the one sent under version 2 has it already.
    expect(await savePolicy({ orgId: org.org.id, actorId: org.admin.id, policy })).toEqual({
      version: 3,
      affected: 1,
    });
  });
});
