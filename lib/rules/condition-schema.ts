import { z } from "zod";
import type { TCondition } from "@/lib/rules/conditions";
import { OPERATOR_NAMES, OPERATORS } from "@/lib/rules/operators";

// The schema of a condition, apart from its evaluation (lib/rules/conditions.ts): the vendor
// portal evaluates visibility conditions in the browser and needs no zod for it.

const ZConditionValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number()])),
]);

export const ZConditionLeaf = z
  .strictObject({
    question: z.string().min(1).optional(),
    fact: z.string().min(1).optional(),
    op: z.enum(OPERATOR_NAMES),
    value: ZConditionValue.optional(),
    valueFact: z.string().min(1).optional(),
  })
  .check((ctx) => {
    const leaf = ctx.value;
    if ((leaf.question === undefined) === (leaf.fact === undefined)) {
      ctx.issues.push({
        code: "custom",
        input: leaf,
        message: "name exactly one of question or fact",
      });
    }
    const operands = Number(leaf.value !== undefined) + Number(leaf.valueFact !== undefined);
    const wanted = OPERATORS[leaf.op].takesValue ? 1 : 0;
    if (operands !== wanted) {
      ctx.issues.push({
        code: "custom",
        input: leaf,
        message: `operator ${leaf.op} takes ${wanted ? "one of value or valueFact" : "no value"}`,
      });
    }
  });

export const ZCondition: z.ZodType<TCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ZCondition).min(1) }),
    z.strictObject({ any: z.array(ZCondition).min(1) }),
    z.strictObject({ not: ZCondition }),
    ZConditionLeaf,
  ]),
);
