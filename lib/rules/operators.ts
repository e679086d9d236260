// The operator registry: every comparison a condition can make. Operators never throw and
// treat a missing or mistyped operand as "does not hold", so an absent answer can only
// raise a rule through an explicit `absent` / `notEquals` / `notIn` test.

export type TOperator = {
  /** Whether the leaf must carry a `value` or `valueFact` to compare against. */
  takesValue: boolean;
  evaluate: (left: unknown, right: unknown) => boolean;
  describe: string;
};

const isNumber = (v: unknown): v is number => typeof v === "number" && !Number.isNaN(v);
const isPresent = (v: unknown) => v !== undefined && v !== null;

export const OPERATORS = {
  equals: { takesValue: true, evaluate: (l, r) => l === r, describe: "is" },
  notEquals: { takesValue: true, evaluate: (l, r) => l !== r, describe: "is not (or absent)" },
  in: {
    takesValue: true,
    evaluate: (l, r) => Array.isArray(r) && r.includes(l),
    describe: "is one of",
  },
  notIn: {
    takesValue: true,
    evaluate: (l, r) => Array.isArray(r) && !r.includes(l),
    describe: "is none of (or absent)",
  },
  includes: {
    takesValue: true,
    evaluate: (l, r) => Array.isArray(l) && l.includes(r),
    describe: "list contains",
  },
  excludes: {
    takesValue: true,
    evaluate: (l, r) => Array.isArray(l) && !l.includes(r),
    describe: "answered list lacks",
  },
  includesAny: {
    takesValue: true,
    evaluate: (l, r) => {
      if (!Array.isArray(l) || !Array.isArray(r)) return false;
      for (const x of r) if (l.includes(x)) return true;
      return false;
    },
    describe: "list contains any of",
  },
  lt: { takesValue: true, evaluate: (l, r) => isNumber(l) && isNumber(r) && l < r, describe: "<" },
  lte: {
    takesValue: true,
    evaluate: (l, r) => isNumber(l) && isNumber(r) && l <= r,
    describe: "≤",
  },
  gt: { takesValue: true, evaluate: (l, r) => isNumber(l) && isNumber(r) && l > r, describe: ">" },
  gte: {
    takesValue: true,
    evaluate: (l, r) => isNumber(l) && isNumber(r) && l >= r,
    describe: "≥",
  },
  answered: { takesValue: false, evaluate: (l) => isPresent(l), describe: "is answered" },
  absent: { takesValue: false, evaluate: (l) => !isPresent(l), describe: "is not answered" },
  nonEmpty: {
    takesValue: false,
    evaluate: (l) => Array.isArray(l) && l.length > 0,
    describe: "is a non-empty list",
  },
  isTrue: { takesValue: false, evaluate: (l) => l === true, describe: "holds" },
  isFalse: { takesValue: false, evaluate: (l) => l === false, describe: "does not hold" },
} as const satisfies Record<string, TOperator>;

export type TOperatorName = keyof typeof OPERATORS;

export const OPERATOR_NAMES = Object.keys(OPERATORS) as [TOperatorName, ...TOperatorName[]];
