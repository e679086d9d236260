import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZCreateAssessment, ZFinding, ZRequirementsForm } from "@/lib/schemas/assessment";
import { ZOrgSettings } from "@/lib/schemas/settings";
import { ZCreateUser } from "@/lib/schemas/user";
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
    [
      "user",
      ZCreateUser,
      { name: "Ada", email: "ada@x.example", role: "manager", password: "a-long-password" },
    ],
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
