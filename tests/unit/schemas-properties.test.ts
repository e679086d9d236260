import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { TQuestion } from "@/lib/questionnaires";
import {
  getQuestionValueSchema,
  MAX_ANSWER_NAME,
  MAX_ANSWER_TEXT,
  MAX_SITE_ID,
} from "@/lib/questionnaires";
import {
  ZAcceptRisk,
  ZColleague,
  ZCreateAssessment,
  ZDecision,
  ZFinding,
  ZFindingStatus,
  ZRequestChanges,
} from "@/lib/schemas/assessment";
import { ZSignIn } from "@/lib/schemas/auth";
import { findTextProblem } from "@/lib/schemas/common";
import { ZChoosePassword, ZInviteUser } from "@/lib/schemas/identity";
import { ZOrgSettings } from "@/lib/schemas/settings";
import { ZVendor, ZVendorContact } from "@/lib/schemas/vendor";
import { anyText, codeUnit, isStorable, SAMPLE_SITE } from "../helpers/hostile";

// Every schema that takes typed text, over arbitrary strings (NUL, lone surrogates, astral
// characters, right-to-left marks, combining marks, markup, strings just under and over the
// limit, megabytes): the parse either succeeds and gives back exactly what was typed (trimmed,
// for text fields), or refuses with an issue on that field whose message names it. It never
// throws.

type TPath = (string | number)[];

function setAt(root: unknown, path: TPath, value: unknown) {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function getAt(root: unknown, path: TPath): unknown {
  return path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)?.[k], root);
}

type TFieldCase = {
  name: string;
  /** A classic zod schema or a zod/mini one (the sign-in form's): both parse alike. */
  schema: TSafeParser;
  base: unknown;
  path: TPath;
  /** The words every message about this field contains. */
  label: string;
  max: number;
  /** What the schema makes of an accepted string. */
  expected: (typed: string) => unknown;
};

const trimmed = (s: string) => s.trim();
const trimmedOrUndefined = (s: string) => s.trim() || undefined;
const exact = (s: string) => s;

const VENDOR = { name: "Vault Co", tier: "high", services: ["Backup"], ownerId: "", website: "" };
const CONTACT = { name: "Dana", email: "dana@vendor.example", title: "" };
const INVITE = { name: "Ada", email: "ada@x.example", role: "manager" };
const SETTINGS = { name: "Org", supportEmail: "risk@org.example", reminderDaysBefore: "7" };
const ASSESSMENT = {
  vendorId: "v1",
  questionnaire: "bcdr-core@1.0.0",
  requirements: { tier: "critical" },
  dueDate: "2099-01-31", // due dates before today are refused
  contactEmail: "dr@vendor.example",
  contactName: "",
  message: "",
};
const FINDING = { assessmentId: "a1", title: "Fix", description: "Do it", severity: "high" };
const RISK = { findingId: "f1", justification: "Accepted for one quarter.", until: "2027-01-01" };

type TSafeParser = {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: readonly z.core.$ZodIssue[] } };
};

const field = (
  name: string,
  schema: TSafeParser,
  base: unknown,
  path: TPath,
  label: string,
  max: number,
  expected: (typed: string) => unknown,
): TFieldCase => ({ name, schema, base, path, label, max, expected });

const FIELDS: TFieldCase[] = [
  field("vendor", ZVendor, VENDOR, ["name"], "Vendor name", 200, trimmed),
  field("vendor", ZVendor, VENDOR, ["services", 0], "Service", 120, trimmed),
  field("vendor", ZVendor, VENDOR, ["website"], "Website", 300, trimmedOrUndefined),
  field("vendor", ZVendor, VENDOR, ["notes"], "Notes", 5000, trimmedOrUndefined),
  field("contact", ZVendorContact, CONTACT, ["name"], "Contact name", 120, trimmed),
  field("contact", ZVendorContact, CONTACT, ["title"], "Job title", 120, trimmedOrUndefined),
  field("invite", ZInviteUser, INVITE, ["name"], "Name", 120, trimmed),
  field(
    "choose password",
    ZChoosePassword,
    { password: "a-long-password" },
    ["password"],
    "Password",
    200,
    exact,
  ),
  field(
    "sign-in",
    ZSignIn,
    { email: "a@b.example", password: "x" },
    ["password"],
    "assword",
    200,
    exact,
  ),
  field("settings", ZOrgSettings, SETTINGS, ["name"], "Organisation name", 200, trimmed),
  field(
    "assessment",
    ZCreateAssessment,
    ASSESSMENT,
    ["contactName"],
    "Contact name",
    120,
    trimmedOrUndefined,
  ),
  field(
    "assessment",
    ZCreateAssessment,
    ASSESSMENT,
    ["message"],
    "Message",
    2000,
    trimmedOrUndefined,
  ),
  field(
    "request changes",
    ZRequestChanges,
    { assessmentId: "a1", items: [{ questionId: "rto_minutes", comment: "Why?" }] },
    ["items", 0, "comment"],
    "Comment",
    2000,
    trimmed,
  ),
  field(
    "decision",
    ZDecision,
    { assessmentId: "a1", decision: "accept" },
    ["comment"],
    "Comment",
    2000,
    trimmedOrUndefined,
  ),
  field("finding", ZFinding, FINDING, ["title"], "Title", 200, trimmed),
  field("finding", ZFinding, FINDING, ["description"], "Description", 5000, trimmed),
  field(
    "finding status",
    ZFindingStatus,
    { findingId: "f1", status: "open" },
    ["note"],
    "Note",
    2000,
    trimmedOrUndefined,
  ),
  field("risk acceptance", ZAcceptRisk, RISK, ["justification"], "Justification", 5000, trimmed),
  field(
    "colleague",
    ZColleague,
    { email: "c@vendor.example" },
    ["name"],
    "Colleague's name",
    120,
    trimmedOrUndefined,
  ),
];

/** Ids the forms pick from lists: arbitrary text is either a plain id or refused on that field. */
const IDS: TFieldCase[] = (
  [
    ["vendor", ZVendor, VENDOR, ["ownerId"], "Internal owner", false],
    ["assessment", ZCreateAssessment, ASSESSMENT, ["vendorId"], "Vendor", true],
    ["assessment", ZCreateAssessment, ASSESSMENT, ["previousAssessmentId"], "Start from", false],
    ["finding", ZFinding, FINDING, ["assessmentId"], "Assessment", true],
    ["finding", ZFinding, FINDING, ["ownerId"], "Owner", false],
    ["finding", ZFinding, FINDING, ["flagId"], "From flag", false],
    ["risk acceptance", ZAcceptRisk, RISK, ["findingId"], "Finding", true],
  ] as const
).map(([name, schema, base, path, label, required]) => ({
  name,
  schema,
  base,
  path: [...path],
  label,
  max: 64,
  // An optional id left blank (nothing picked; spaces only) is absent (lib/schemas/form.ts).
  expected: required ? exact : (s: string) => (s.trim() === "" ? undefined : s),
}));

/** What PostgreSQL stores and gives back unchanged: UTF-8 encodable, no NUL, bounded. */
function expectStorable(value: string, max: number) {
  expect(isStorable(value)).toBe(true);
  expect(value.length).toBeLessThanOrEqual(max);
}

function expectParsedOrNamed(c: TFieldCase, typed: string) {
  const input = setAt(c.base, c.path, typed);
  // Must not throw: safeParse returning is the property.
  const r = c.schema.safeParse(input);
  if (r.success) {
    const stored = getAt(r.data, c.path);
    expect(stored).toEqual(c.expected(typed));
    if (typeof stored === "string") expectStorable(stored, c.max);
    return "parsed";
  }
  expect(r.error.issues.length).toBeGreaterThan(0);
  for (const issue of r.error.issues) {
    // The base input is valid, so every issue is about the typed field.
    expect(issue.path).toEqual(c.path);
    expect(issue.message).toContain(c.label);
  }
  return "refused";
}

describe("every typed text field: parsed exactly, or refused naming the field", () => {
  it.each(FIELDS.map((c) => [`${c.name}: ${c.path.join(".")}`, c] as const))("%s", (_name, c) => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(anyText(c.max), (typed) => {
        const outcome = expectParsedOrNamed(c, typed);
        seen.add(outcome);
        const problem = findTextProblem(typed.trim(), c.max);
        // The verdict is the shared check's: NUL, halves of surrogate pairs, over-long text.
        if (problem && c.expected !== exact) expect(outcome).toBe("refused");
        if (c.expected === exact && findTextProblem(typed, c.max)) expect(outcome).toBe("refused");
      }),
      { numRuns: 150 },
    );
    // Both outcomes come up, so neither branch is vacuous.
    expect([...seen].sort()).toEqual(["parsed", "refused"]);
  });

  it.each(IDS.map((c) => [`${c.name}: ${c.path.join(".")}`, c] as const))("%s id", (_name, c) => {
    fc.assert(
      fc.property(
        fc.oneof(anyText(64), fc.stringMatching(/^[a-z0-9]{1,30}$/)),
        (typed) => void expectParsedOrNamed(c, typed),
      ),
      { numRuns: 100 },
    );
  });

  it("refuses 1 MB in every text field, naming it, in well under a second each", () => {
    for (const c of FIELDS) {
      const started = performance.now();
      expect(expectParsedOrNamed(c, "z".repeat(1_000_000))).toBe("refused");
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe("the shared text check", () => {
  it("finds a broken character exactly when UTF-8 cannot carry the string", () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 12 }), (s) => {
        const roundTrips = Buffer.from(s, "utf8").toString("utf8") === s;
        const problem = findTextProblem(s, 100);
        expect(problem === "unpaired_surrogate").toBe(!roundTrips && !s.includes("\u0000"));
        expect(problem === "nul").toBe(s.includes("\u0000"));
      }),
      { numRuns: 500 },
    );
  });

  it("counts UTF-16 code units, as the browser's maxlength does", () => {
    expect(findTextProblem("🦄".repeat(100), 200)).toBeUndefined();
    expect(findTextProblem("🦄".repeat(100), 199)).toBe("too_long");
  });
});

// A vendor's answers: every string inside passes the same check; an accepted answer is stored
// as sent (the schema never rewrites it), a refused one names the path of the bad string.
describe("answer value schemas", () => {
  const q = (type: TQuestion["type"]): TQuestion => ({
    id: `q_${type}`,
    type,
    label: type,
    required: false,
  });
  const site = SAMPLE_SITE;
  const cases: { what: string; question: TQuestion; base: unknown; path: TPath; max: number }[] = [
    { what: "text answer", question: q("text"), base: "x", path: [], max: MAX_ANSWER_TEXT },
    {
      what: "site name",
      question: q("sites"),
      base: [site],
      path: [0, "name"],
      max: MAX_ANSWER_NAME,
    },
    {
      what: "site provider",
      question: q("sites"),
      base: [site],
      path: [0, "provider"],
      max: MAX_ANSWER_NAME,
    },
    {
      what: "site city",
      question: q("sites"),
      base: [site],
      path: [0, "city"],
      max: MAX_ANSWER_NAME,
    },
    {
      what: "site facility",
      question: q("sites"),
      base: [site],
      path: [0, "facility"],
      max: MAX_ANSWER_NAME,
    },
    { what: "site id", question: q("sites"), base: [site], path: [0, "id"], max: MAX_SITE_ID },
    {
      what: "company name",
      question: q("parties"),
      base: [{ name: "Iron Mountain", service: "Tapes", country: "US" }],
      path: [0, "name"],
      max: MAX_ANSWER_NAME,
    },
    {
      what: "company service",
      question: q("parties"),
      base: [{ name: "Iron Mountain", service: "Tapes", country: "US" }],
      path: [0, "service"],
      max: MAX_ANSWER_NAME,
    },
    {
      what: "site reference",
      question: q("siterefs"),
      base: ["site-1"],
      path: [0],
      max: MAX_SITE_ID,
    },
  ];

  it.each(cases.map((c) => [c.what, c] as const))("%s", (_what, c) => {
    const schema = getQuestionValueSchema({ question: c.question });
    const seen = new Set<string>();
    fc.assert(
      fc.property(anyText(c.max), (typed) => {
        const value = c.path.length ? setAt(c.base, c.path, typed) : typed;
        const r = schema.safeParse(value);
        if (r.success) {
          expect(r.data).toEqual(value);
          expectStorable(typed, c.max);
          seen.add("parsed");
          return;
        }
        seen.add("refused");
        for (const issue of r.error.issues) expect(issue.path).toEqual(c.path);
        if (!(c.path.at(-1) === "id" && typed.trim() === ""))
          expect(findTextProblem(typed, c.max)).toBeDefined();
      }),
      { numRuns: 150 },
    );
    expect([...seen].sort()).toEqual(["parsed", "refused"]);
  });
});
