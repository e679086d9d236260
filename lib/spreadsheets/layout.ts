import type { TQuestion, TQuestionnaire } from "@/lib/questionnaires/questionnaire-schema";
import { REQUIREMENT_LABELS } from "@/lib/questionnaires/requirement-labels";

// The offline workbook's layout, shared by the writer and the reader so that what one writes the
// other reads back exactly: an "About" sheet naming the questionnaire, the buyer's requirements,
// one sheet per section (a row per question), and the list answers on sheets of their own.

export const ABOUT_SHEET = "About";
export const REQUIREMENTS_SHEET = "Requirements";
export const SITES_SHEET = "Sites";
export const PARTIES_SHEET = "Third parties";
/** Hidden: the choices each dropdown offers. */
export const LISTS_SHEET = "Lists";

/** Columns of a section sheet. */
export const SECTION_COLUMNS = ["Question id", "Question", "Help", "Answer", "Unit"] as const;
export const ANSWER_COLUMN = 4;

/** Columns of the Sites sheet: the site fields, in the contract's order. */
export const SITE_COLUMNS = [
  "id",
  "name",
  "role",
  "provider",
  "city",
  "country",
  "lat",
  "lon",
  "region",
  "facility",
] as const;
export const PARTY_COLUMNS = ["name", "service", "country"] as const;

/** Written for an empty list, so that it never reads back as "not answered". */
export const EMPTY_LIST = "(empty list)";

/** What the answer cell of a list question kept on its own sheet says. */
export const listSheetOf = (question: TQuestion): string | undefined =>
  question.type === "sites" ? SITES_SHEET : question.type === "parties" ? PARTIES_SHEET : undefined;

/** The requirement fields, in the order the Requirements sheet lists them. */
export const REQUIREMENT_ROWS = [
  { field: "tier", meaning: "The vendor's tier: critical, high, moderate or low" },
  ...Object.entries(REQUIREMENT_LABELS).map(([field, { label }]) => ({ field, meaning: label })),
  { field: "allowed_countries", meaning: "Countries the data may be in (codes, comma-separated)" },
];
export const LIST_REQUIREMENTS = new Set(["allowed_countries", "plan_must_cover"]);

/** Excel's sheet names: at most 31 characters, none of []:*?/\ , unique. */
export function sectionSheetNames(questionnaire: TQuestionnaire): string[] {
  const taken = new Set<string>([
    ABOUT_SHEET,
    REQUIREMENTS_SHEET,
    SITES_SHEET,
    PARTIES_SHEET,
    LISTS_SHEET,
  ]);
  return questionnaire.sections.map((section, i) => {
    const base = `${i + 1}. ${section.title}`.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
    let name = base.trim();
    for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 27).trim()} (${n})`;
    taken.add(name);
    return name;
  });
}
