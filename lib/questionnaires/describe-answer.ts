import type { TParty, TSite } from "../rules/types";
import type { TQuestion } from "./questionnaire-schema";

const YESNO: Record<string, string> = { yes: "Yes", no: "No", unknown: "We don't know" };

/** One answer in words, for review pages, conflict panels and reports. */
export function describeAnswer({
  question,
  value,
}: {
  question: TQuestion | undefined;
  value: unknown;
}): string {
  if (value === null || value === undefined) return "(no answer)";
  if (Array.isArray(value)) {
    if (question?.type === "sites") {
      return (
        (value as TSite[])
          .map((s) => `${s.name} (${s.id}, ${s.role}, ${s.city} ${s.country})`)
          .join("; ") || "(none)"
      );
    }
    if (question?.type === "parties")
      return (
        (value as TParty[]).map((p) => `${p.name} (${p.service}, ${p.country})`).join("; ") ||
        "(none)"
      );
    return (
      value
        .map((v) => question?.options?.find((o) => o.value === v)?.label ?? String(v))
        .join(", ") || "(none)"
    );
  }
  const opt = question?.options?.find((o) => o.value === value);
  if (opt) return opt.label;
  if (question?.type === "yesno") return YESNO[String(value)] ?? String(value);
  return `${String(value)}${question?.unit ? ` ${question.unit}` : ""}`;
}
