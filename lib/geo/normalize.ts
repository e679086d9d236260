// Shared by the server's city index and the browser: no Node imports here.

// Letters NFD does not decompose into a base letter plus a mark.
const FOLD: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

export type TNormalizePlaceNameInput = { text: string };

/**
 * Case-, accent- and punctuation-insensitive form of a place name, so that "sao paulo"
 * finds "São Paulo" and "aix en provence" finds "Aix-en-Provence".
 */
export function normalizePlaceName({ text }: TNormalizePlaceNameInput): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
