import { describe, expect, it } from "vitest";
import { ZExtension } from "@/lib/questionnaires/extension/schema";

// The organisation's rules and questions are validated like the engine's own definitions:
// ids and codes never collide with the core, operators fit the question's shape, values fit.

const question = (over: Record<string, unknown> = {}) => ({
  id: "x_insured",
  type: "yesno",
  label: "Do you hold cyber insurance?",
  required: true,
  ...over,
});
const rule = (over: Record<string, unknown> = {}) => ({
  code: "ORG_NOT_INSURED",
  title: "No cyber insurance",
  explanation: "The vendor answered {answer}.",
  severity: "high",
  question: "x_insured",
  op: "equals",
  value: "no",
  ...over,
});
const ext = (questions: unknown[], rules: unknown[] = []) => ({
  sections: [{ id: "x_extra", title: "Extra", questions }],
  rules,
});

/** The dotted paths and messages of what the schema refuses. */
function problems(input: unknown): string[] {
  const r = ZExtension.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("extension validation", () => {
  it("accepts questions with a condition on a core answer and a rule on its own question", () => {
    const input = ext(
      [
        question(),
        question({
          id: "x_cover",
          type: "number",
          unit: "EUR",
          visibleWhen: { question: "backup_exists", op: "equals", value: "yes" },
        }),
      ],
      [rule(), rule({ code: "ORG_LOW_COVER", question: "x_cover", op: "lt", value: 1000000 })],
    );
    expect(problems(input)).toEqual([]);
  });

  it("refuses an id without the prefix and a core id, naming the field", () => {
    expect(problems(ext([question({ id: "insured" })]))).toContain(
      'sections.0.questions.0.id: an id starting with "x_"',
    );
    expect(
      problems({
        sections: [{ id: "backup_exists", title: "T", questions: [question()] }],
        rules: [],
      }),
    ).toContain('sections.0.id: an id starting with "x_"');
  });

  it("refuses a core flag code, a code without ORG_ and a code used twice", () => {
    expect(problems(ext([question()], [rule({ code: "NO_BACKUPS" })]))).toContain(
      'rules.0.code: a code starting with "ORG_"',
    );
    expect(problems(ext([question()], [rule(), rule()]))).toContain(
      "rules.1.code: a code used once (ORG_NOT_INSURED appears twice)",
    );
  });

  it("refuses a rule on a core question, an operator that does not fit, a value not offered", () => {
    expect(problems(ext([question()], [rule({ question: "backup_exists" })]))).toContain(
      "rules.0.question: one of your own questions (backup_exists is not)",
    );
    expect(problems(ext([question()], [rule({ op: "lt", value: 3 })]))).toContain(
      "rules.0.op: for a yesno question, one of equals, in",
    );
    expect(problems(ext([question()], [rule({ value: "maybe" })]))).toContain(
      "rules.0.value: one of yes, no, unknown (not maybe)",
    );
    expect(
      problems(
        ext(
          [question({ id: "x_d", type: "date" })],
          [rule({ question: "x_d", op: "olderThanMonths", value: 1.5 })],
        ),
      ),
    ).toContain("rules.0.value: a whole number of months");
  });

  it("refuses a condition naming an unknown question and a site-list shape", () => {
    expect(
      problems(
        ext([question({ visibleWhen: { question: "x_nope", op: "equals", value: "yes" } })]),
      ),
    ).toContain(
      "sections.0.questions.0.visibleWhen: a condition on a known question (x_nope is neither core nor yours)",
    );
    expect(problems(ext([question({ type: "sites" })])).join()).toMatch(
      /sections\.0\.questions\.0\.type/,
    );
  });

  it("checks a condition's answers against the question it reads, core or own", () => {
    const when = (visibleWhen: unknown, type = "yesno") =>
      problems(
        ext([
          question({ id: "x_kind", type: "multi", options: kinds }),
          question({ id: "x_then", type, visibleWhen }),
        ]),
      );
    const kinds = [
      { value: "cyber", label: "Cyber" },
      { value: "liability", label: "Liability" },
    ];
    const at = "sections.0.questions.1.visibleWhen";
    expect(when({ question: "backup_exists", op: "in", value: ["yes", "unknown"] })).toEqual([]);
    expect(when({ question: "backup_exists", op: "equals", value: "maybe" })).toEqual([
      `${at}: the condition's answer to backup_exists: one of yes, no, unknown (not maybe)`,
    ]);
    expect(when({ question: "backup_exists", op: "in", value: "yes" })).toEqual([
      `${at}: the condition's answers: a list (in on backup_exists)`,
    ]);
    expect(when({ question: "backup_exists", op: "in", value: [] })).toEqual([
      `${at}: the condition's answers: at least one (on backup_exists)`,
    ]);
    expect(when({ question: "x_kind", op: "includesAny", value: ["cyber"] })).toEqual([]);
    expect(when({ question: "x_kind", op: "includes", value: "theft" })).toEqual([
      `${at}: the condition's answer to x_kind: one of cyber, liability (not theft)`,
    ]);
    expect(when({ question: "x_kind", op: "equals", value: "cyber" })).toEqual([
      `${at}: the condition on x_kind: includes or includesAny (its answer is a list)`,
    ]);
    // Inside a tree too.
    expect(
      when({
        all: [
          { question: "backup_exists", op: "equals", value: "yes" },
          { question: "x_kind", op: "includes", value: "x" },
        ],
      }),
    ).toEqual([`${at}: the condition's answer to x_kind: one of cyber, liability (not x)`]);
  });
});
