import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZCreateAssessment, ZFinding, ZRequirementsForm } from "@/lib/schemas/assessment";
import { ZChoosePassword, ZInviteUser } from "@/lib/schemas/identity";
import { ZOrgSettings } from "@/lib/schemas/settings";
import { ZVendor, ZVendorContact } from "@/lib/schemas/vendor";

// Forms parse with the schema in the browser, then the server parses the result again with the
// same schema: every schema must accept its own output, unchanged.
describe("shared form schemas", () => {
  const cases: [string, { parse(v: unknown): unknown }, unknown][] = [
    [
      "vendor",
      ZVendor,
      { name: " Vault Co ", tier: "high", services: ["Backup"], ownerId: "", website: "" },
    ],
    ["contact", ZVendorContact, { name: "Dana", email: "Dana@Vendor.Example", title: "" }],
    ["invite", ZInviteUser, { name: "Ada", email: "Ada@X.Example", role: "manager" }],
    ["choose password", ZChoosePassword, { password: " a-long-password " }],
    [
      "settings",
      ZOrgSettings,
      { name: "Org", supportEmail: "risk@org.example", reminderDaysBefore: "7" },
    ],
    [
      "assessment",
      ZCreateAssessment,
      {
        vendorId: "v1",
        questionnaire: "bcdr-core@1.0.0",
        requirements: {
          tier: "critical",
          rto_minutes: "240",
          rpo_minutes: "",
          allowed_countries: "de, ie",
        },
        dueDate: "2099-01-31", // due dates before today are refused
        contactEmail: "dr@vendor.example",
        previousAssessmentId: "",
      },
    ],
    [
      "finding",
      ZFinding,
      {
        assessmentId: "a1",
        flagId: "",
        title: "Fix",
        description: "Do it",
        severity: "high",
        ownerId: "",
        dueDate: "",
      },
    ],
  ];

  it.each(cases)("%s: parse(parse(x)) equals parse(x)", (_name, schema, input) => {
    const once = schema.parse(input);
    expect(schema.parse(once)).toEqual(once);
  });

  it("requirements: the 1.1 fields; plan_scope default drops the ticks, custom keeps them (none ticked: [])", () => {
    const base = { tier: "high", allowed_countries: "" };
    expect(
      ZRequirementsForm.parse({
        ...base,
        min_immutable_retention_days: "14",
        max_notification_hours: "",
        min_power_autonomy_hours: "36",
        min_failover_staff_count: "2",
        plan_scope: "default",
        plan_must_cover: ["ransomware"],
      }),
    ).toEqual({
      tier: "high",
      allowed_countries: [],
      min_immutable_retention_days: 14,
      min_power_autonomy_hours: 36,
      min_failover_staff_count: 2,
    });
    const custom = (ticks: unknown) =>
      ZRequirementsForm.parse({ ...base, plan_scope: "custom", plan_must_cover: ticks });
    expect(custom(["ransomware", "site_loss"]).plan_must_cover).toEqual([
      "ransomware",
      "site_loss",
    ]);
    expect(custom(false).plan_must_cover).toEqual([]);
    expect(custom("staff_loss").plan_must_cover).toEqual(["staff_loss"]);
    for (const bad of [
      { min_failover_staff_count: "1.5" },
      { max_notification_hours: "-1" },
      { min_immutable_retention_days: "soon" },
      { plan_scope: "custom", plan_must_cover: ["meteor"] },
    ]) {
      expect(ZRequirementsForm.safeParse({ ...base, ...bad }).success, JSON.stringify(bad)).toBe(
        false,
      );
    }
  });

  it("requirements: any accepted input re-parses to itself", () => {
    fc.assert(
      fc.property(
        fc.record({
          tier: fc.constantFrom("critical", "high", "moderate", "low"),
          rto_minutes: fc.option(fc.integer({ min: 0, max: 525_600 }).map(String), {
            nil: undefined,
          }),
          allowed_countries: fc
            .array(fc.constantFrom("DE", "ie", "Gb", "US"), { maxLength: 4 })
            .map((a) => a.join(", ")),
          max_notification_hours: fc.option(fc.integer({ min: 0, max: 720 }).map(String), {
            nil: undefined,
          }),
          plan_scope: fc.option(fc.constantFrom("default", "custom"), { nil: undefined }),
          plan_must_cover: fc.option(
            fc.subarray(["site_loss", "ransomware", "staff_loss", "region_loss"]),
            { nil: undefined },
          ),
        }),
        (input) => {
          const once = ZRequirementsForm.parse(input);
          expect(ZRequirementsForm.parse(once)).toEqual(once);
        },
      ),
    );
  });

  it.each([
    [
      "a NUL byte",
      { name: "A\u0000B", tier: "low" },
      "Vendor name contains a NUL character, which is not allowed",
    ],
    [
      "a 1 MB name",
      { name: "x".repeat(1_000_000), tier: "low" },
      "Vendor name must be at most 200 characters",
    ],
    ["no tier", { name: "A" }, "Choose a criticality tier"],
  ])("refuses %s with a message naming the field", (_what, input, message) => {
    const r = ZVendor.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(message);
  });
});
