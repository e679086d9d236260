import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAnswers, parseAssessmentFile, parseRequirements } from "@/lib/questionnaires";
import { assessWithExtension, judgeOrgRules } from "@/lib/questionnaires/extension/judge";
import { mergeExtension } from "@/lib/questionnaires/extension/merge";
import { type TExtension, ZExtension } from "@/lib/questionnaires/extension/schema";
import { getQuestionnaire } from "@/lib/questionnaires/registry";
import { isQuestionVisible } from "@/lib/questionnaires/visibility";
import { assessAnswers } from "@/lib/rules";

// The organisation's rules raise their own flags only on answered, visible questions, count
// in the rating, and leave the core engine's flags exactly as they are without them.

const extension: TExtension = ZExtension.parse({
  sections: [
    {
      id: "x_extra",
      title: "Our own questions",
      questions: [
        { id: "x_insured", type: "yesno", label: "Cyber insurance?", required: true },
        {
          id: "x_backup_audit",
          type: "date",
          label: "Last backup audit",
          required: true,
          visibleWhen: { question: "backup_exists", op: "equals", value: "yes" },
        },
        { id: "x_cover", type: "number", label: "Cover", unit: "EUR", required: false },
        {
          id: "x_regions",
          type: "multi",
          label: "Regions",
          required: false,
          options: [
            { value: "eu", label: "EU" },
            { value: "us", label: "US" },
          ],
        },
      ],
    },
  ],
  rules: [
    {
      code: "ORG_NOT_INSURED",
      title: "Not insured",
      explanation: "Answered {answer} to {question}.",
      severity: "critical",
      question: "x_insured",
      op: "equals",
      value: "no",
    },
    {
      code: "ORG_AUDIT_STALE",
      title: "Audit stale",
      explanation: "Audited {answer}.",
      severity: "medium",
      question: "x_backup_audit",
      op: "olderThanMonths",
      value: 12,
    },
    {
      code: "ORG_LOW_COVER",
      title: "Low cover",
      explanation: "{answer}",
      severity: "low",
      question: "x_cover",
      op: "lt",
      value: 1000,
    },
    {
      code: "ORG_HIGH_COVER",
      title: "High cover",
      explanation: "{answer}",
      severity: "info",
      question: "x_cover",
      op: "gt",
      value: 5000,
    },
    {
      code: "ORG_US",
      title: "US region",
      explanation: "{answer}",
      severity: "low",
      question: "x_regions",
      op: "in",
      value: ["us"],
    },
  ],
});
const questionnaire = mergeExtension({
  questionnaire: getQuestionnaire({ id: "bcdr-core" })!,
  extension,
});
const asOf = "2026-11-01";
const codes = (answers: Record<string, unknown>) =>
  judgeOrgRules({ questionnaire, rules: extension.rules, answers: answers as never, asOf }).map(
    (f) => f.code,
  );

describe("conditions", () => {
  it("shows a conditional question only while the core answer holds", () => {
    const q = questionnaire.sections.at(-1)!.questions[1]!;
    expect(isQuestionVisible({ question: q, answers: { backup_exists: "yes" } })).toBe(true);
    expect(isQuestionVisible({ question: q, answers: { backup_exists: "no" } })).toBe(false);
    expect(isQuestionVisible({ question: q, answers: {} })).toBe(false);
  });
});

describe("organisation's rules", () => {
  it("raise each operator's flag when it holds, and only then", () => {
    expect(codes({ x_insured: "no" })).toEqual(["ORG_NOT_INSURED"]);
    expect(codes({ x_insured: "yes" })).toEqual([]);
    expect(codes({ backup_exists: "yes", x_backup_audit: "2025-11-01" })).toEqual([
      "ORG_AUDIT_STALE",
    ]);
    expect(codes({ backup_exists: "yes", x_backup_audit: "2025-11-02" })).toEqual([]);
    expect(codes({ x_cover: 999 })).toEqual(["ORG_LOW_COVER"]);
    expect(codes({ x_cover: 1000 })).toEqual([]);
    expect(codes({ x_cover: 5001 })).toEqual(["ORG_HIGH_COVER"]);
    expect(codes({ x_regions: ["eu", "us"] })).toEqual(["ORG_US"]);
    expect(codes({ x_regions: ["eu"] })).toEqual([]);
  });

  it("do not judge a hidden answer, and fill in the explanation", () => {
    expect(codes({ backup_exists: "no", x_backup_audit: "2020-01-01" })).toEqual([]);
    const [flag] = judgeOrgRules({
      questionnaire,
      rules: extension.rules,
      answers: { x_insured: "no" },
      asOf,
    });
    expect(flag).toMatchObject({
      detail: "Answered No to Cyber insurance?.",
      questions: ["x_insured"],
      severity: "critical",
    });
  });
});

describe("the core engine beside the organisation's rules", () => {
  const fixture = JSON.parse(
    fs.readFileSync(
      path.join(import.meta.dirname, "../../../fixtures/engine/stale-tests.json"),
      "utf8",
    ),
  );
  const core = getQuestionnaire({ id: "bcdr-core", version: "1" })!;
  const requirements = parseRequirements({ input: fixture.input.requirements });
  const answers = parseAnswers({ questionnaire: core, input: fixture.input.answers });
  if (!requirements.ok || !answers.ok) throw new Error("fixture no longer parses");
  const coreOnly = assessAnswers({
    questionnaire: core,
    requirements: requirements.value,
    answers: answers.value,
    asOf,
  });

  it("gives the same core flags with and without extension answers", () => {
    const judged = assessWithExtension({
      questionnaire: mergeExtension({ questionnaire: core, extension }),
      requirements: requirements.value,
      answers: { ...answers.value, x_insured: "yes", x_cover: 2000 },
      asOf,
      rules: extension.rules,
    });
    expect(judged.flags).toEqual(coreOnly.flags);
    expect(judged.rating).toBe(coreOnly.rating);
    expect(judged.score).toBe(coreOnly.score);
  });

  it("counts an organisation's flag in the rating", () => {
    const judged = assessWithExtension({
      questionnaire: mergeExtension({ questionnaire: core, extension }),
      requirements: requirements.value,
      answers: { ...answers.value, x_insured: "no" },
      asOf,
      rules: extension.rules,
    });
    expect(judged.flags.filter((f) => !f.code.startsWith("ORG_"))).toEqual(coreOnly.flags);
    expect(judged.flags.map((f) => f.code)).toContain("ORG_NOT_INSURED");
    expect(judged.rating).toBe("critical");
    expect(judged.score).toBeLessThan(coreOnly.score);
  });

  it("sets extension answers aside in an `assess` file", () => {
    const plain = parseAssessmentFile({ input: fixture.input });
    const extended = parseAssessmentFile({
      input: { ...fixture.input, answers: { ...fixture.input.answers, x_insured: "no" } },
    });
    expect(plain.ok && extended.ok).toBe(true);
    if (plain.ok && extended.ok) expect(extended.value.answers).toEqual(plain.value.answers);
  });
});
