import { labelSite } from "../geo/site-map";
import type { TParty, TSite } from "../rules/types";
import type { TQuestion } from "./questionnaire-schema";

const YESNO: Record<string, string> = { yes: "Yes", no: "No", unknown: "We don't know" };

export type TDescribeAnswerInput = {
  question: TQuestion | undefined;
  value: unknown;
  /** All the answers: a site reference (siterefs) is named from the sites answer it refers to. */
  answers?: Readonly<Record<string, unknown>>;
};

/** A referenced site by its name (its id means nothing to a reader); an id no site has stays. */
function nameSiteRefs(ids: readonly unknown[], sites: unknown): string {
  const list = (Array.isArray(sites) ? sites : []) as TSite[];
  return (
    ids
      .map((id) => {
        const index = list.findIndex((s) => s.id === id);
        const site = list[index];
        return site ? labelSite(site, index) : `${String(id)} (no longer listed)`;
      })
      .join(", ") || "(none)"
  );
}

/** One answer in words, for review pages, conflict panels and reports. */
export function describeAnswer({ question, value, answers }: TDescribeAnswerInput): string {
  if (value === null || value === undefined) return "(no answer)";
  if (Array.isArray(value)) {
    if (question?.type === "sites") {
      return (
        (value as TSite[])
          .map((s, i) => `${labelSite(s, i)} (${s.role}, ${s.city} ${s.country})`)
          .join("; ") || "(none)"
      );
    }
    if (question?.type === "siterefs" && question.refersTo) {
      return nameSiteRefs(value, answers?.[question.refersTo]);
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
