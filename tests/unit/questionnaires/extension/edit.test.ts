import { describe, expect, it } from "vitest";
import { conditionOf } from "@/lib/questionnaires/extension/edit";
import { listCoreQuestions } from "@/lib/questionnaires/extension/schema";
import type { TQuestion } from "@/lib/questionnaires/questionnaire-schema";

// The editor's condition fields become the data the portal evaluates: equals one answer or is
// one of several; a several-choices answer (a list) contains the value, or any of them.

const own: TQuestion = {
  id: "x_kinds",
  type: "multi",
  label: "Which insurance do you hold?",
  required: true,
  options: [
    { value: "cyber", label: "Cyber" },
    { value: "liability", label: "Liability" },
  ],
} as TQuestion;
const known = (id: string) => (id === own.id ? own : listCoreQuestions().get(id));
const form = (over: Record<string, string>) => ({
  section: "",
  id: "x_q",
  label: "Q",
  type: "yesno" as const,
  required: true,
  ...over,
});

describe("conditionOf", () => {
  it("builds equals and is one of on a core answer", () => {
    expect(
      conditionOf({
        form: form({ conditionQuestion: "backup_exists", conditionValue: "yes" }),
        known,
      }),
    ).toEqual({ question: "backup_exists", op: "equals", value: "yes" });
    expect(
      conditionOf({
        form: form({
          conditionQuestion: "backup_exists",
          conditionOp: "in",
          conditionValue: " yes, unknown ,",
        }),
        known,
      }),
    ).toEqual({ question: "backup_exists", op: "in", value: ["yes", "unknown"] });
  });

  it("reads a several-choices answer as a list, and types numbers", () => {
    expect(
      conditionOf({ form: form({ conditionQuestion: "x_kinds", conditionValue: "cyber" }), known }),
    ).toEqual({ question: "x_kinds", op: "includes", value: "cyber" });
    expect(
      conditionOf({
        form: form({
          conditionQuestion: "x_kinds",
          conditionOp: "in",
          conditionValue: "cyber,liability",
        }),
        known,
      }),
    ).toEqual({ question: "x_kinds", op: "includesAny", value: ["cyber", "liability"] });
    const number = [...listCoreQuestions().values()].find((q) => q.type === "number")!;
    expect(
      conditionOf({
        form: form({ conditionQuestion: number.id, conditionOp: "in", conditionValue: "4, 8" }),
        known,
      }),
    ).toEqual({ question: number.id, op: "in", value: [4, 8] });
  });

  it("gives no condition when no question is chosen", () => {
    expect(conditionOf({ form: form({ conditionQuestion: "" }), known })).toBeUndefined();
  });
});
