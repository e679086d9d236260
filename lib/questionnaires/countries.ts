import "@/lib/zod-config";
import * as z from "zod/mini";
import names from "@/lib/questionnaires/iso-3166-alpha2.json";

// Officially assigned ISO 3166-1 alpha-2 codes only: reserved or user-assigned codes such
// as UK, EU or XK are refused, so that residency checks compare like with like.
export const COUNTRY_NAMES: Readonly<Record<string, string>> = names;

const CODES = new Set(Object.keys(names));

export function isCountryCode(code: string): boolean {
  return CODES.has(code);
}

export type TGetCountryNameInput = { code: string };

export function getCountryName({ code }: TGetCountryNameInput): string {
  return COUNTRY_NAMES[code] ?? code;
}

export const COUNTRY_EXPECTED = "an ISO 3166-1 alpha-2 country code in capitals, such as GB or DE";

// zod/mini: the portal's site checks run in the browser (lib/questionnaires/site-schema.ts).
export const ZCountryCode = z
  .string({ error: COUNTRY_EXPECTED })
  .check(z.refine(isCountryCode, { error: COUNTRY_EXPECTED }));
