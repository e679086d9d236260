// The canonical schemas are plain JSON types (what the API's OpenAPI document describes) and
// the form schemas are wrappers of them: a form's blank field is absent, its text is parsed,
// and both end with the same value; the canonical one never coerces.
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { ZCreateAssessment, ZFinding } from "@/lib/schemas/assessment";
import { ZAssessmentCreate, ZFindingWrite } from "@/lib/schemas/canonical/assessment";
import { ZVendorWrite } from "@/lib/schemas/canonical/vendor";
import { ZVendor } from "@/lib/schemas/vendor";

const base = {
  vendorId: "v1",
  questionnaire: "bcdr-core",
  dueDate: "2999-01-01",
  contactEmail: "Ops@Vendor.example",
};

describe("canonical schemas", () => {
  test("the vendor form reads a blank optional field as absent; the API refuses it", () => {
    const form = ZVendor.parse({ name: " Acme ", tier: "low", website: "  ", ownerId: "" });
    expect(form).toEqual({ name: "Acme", tier: "low", services: [] });
    expect(ZVendorWrite.parse({ name: "Acme", tier: "low" })).toEqual(form);
    const api = ZVendorWrite.safeParse({ name: "Acme", tier: "low", ownerId: "" });
    expect(api.error?.issues[0]?.path).toEqual(["ownerId"]);
  });

  test("requirements: the form parses typed text, the API takes JSON numbers and lists only", () => {
    const form = ZCreateAssessment.parse({
      ...base,
      requirements: { tier: "high", rto_minutes: "240", allowed_countries: "de, IE" },
    });
    const api = ZAssessmentCreate.parse({
      ...base,
      requirements: { tier: "high", rto_minutes: 240, allowed_countries: ["DE", "IE"] },
    });
    expect(api).toEqual(form);
    expect(api.contactEmail).toBe("ops@vendor.example");
    const coerced = ZAssessmentCreate.safeParse({
      ...base,
      requirements: { tier: "high", rto_minutes: "240" },
    });
    expect(coerced.error?.issues[0]?.path).toEqual(["requirements", "rto_minutes"]);
  });

  test("a contact is required either way, named on contactEmail", () => {
    const { contactEmail: _, ...noContact } = base;
    for (const s of [ZAssessmentCreate, ZCreateAssessment]) {
      const r = s.safeParse({ ...noContact, requirements: { tier: "low" } });
      expect(r.error?.issues.map((i) => i.path.join("."))).toContain("contactEmail");
    }
  });

  test("the finding form's blank due date is absent, as in the canonical finding", () => {
    const finding = { title: "No second site", description: "", severity: "high" };
    expect(ZFinding.parse({ ...finding, assessmentId: "a1", dueDate: "" })).toEqual({
      ...finding,
      assessmentId: "a1",
    });
    expect(ZFindingWrite.parse(finding)).toEqual(finding);
  });

  test("JSON Schema of a canonical schema carries its limits", () => {
    const json = z.toJSONSchema(ZVendorWrite, { io: "input" }) as unknown as {
      $defs: { VendorWrite: { properties: Record<string, { maxLength?: number }> } };
    };
    expect(json.$defs.VendorWrite.properties.name?.maxLength).toBe(200);
    expect(json.$defs.VendorWrite.properties.notes?.maxLength).toBe(5000);
  });
});
