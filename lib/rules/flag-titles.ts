import { RULES } from "./definitions";
import { FLAG_CODES } from "./types";

// A flag's name wherever a person reads it (dashboard filters and widgets, the review page,
// PDFs): the engine's own title from its rule definition, with the code as secondary text.
// Stored flags keep the title of the engine that raised them; naming them by code here means
// every screen and report says the same thing for the same flag.

const TITLES: ReadonlyMap<string, string> = new Map(RULES.map((r) => [r.code, r.title]));

/**
 * "BACKUP_SHARED_DEPENDENCY" → the rule's title. A code of no engine rule (an organisation's own
 * rule, issue 19) keeps the title it was stored with, or is spelled out when none is given.
 */
export function flagTitle(code: string, stored?: string): string {
  const title = TITLES.get(code) ?? stored;
  if (title) return title;
  const words = code.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every flag code as a choice for a select: the title, then the code. */
export const flagOptions = (): { value: string; label: string }[] =>
  FLAG_CODES.map((code) => ({ value: code, label: `${flagTitle(code)} (${code})` }));
