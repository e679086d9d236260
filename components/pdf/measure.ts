import { Font } from "@react-pdf/renderer";
import { installFastEncode, type TPdfkitStandardFont } from "./fast-encode";

// Text heights estimated from the real font metrics, before layout, so rows can be cut into
// pages that fill them (see lib/reports/README.md, "Static page numbers"). An estimate that
// still comes out short only costs a re-render with dynamic page numbers (render.tsx).

type TFontData = {
  hasGlyphForCodePoint(codePoint: number): boolean;
  encode?: (text: string) => [unknown, { advanceWidth: number }[]];
  glyphForCodePoint?: (codePoint: number) => { advanceWidth: number };
  unitsPerEm?: number;
};
type TFontStore = {
  load(input: { fontFamily: string; fontWeight: number }): Promise<void>;
  getFont(input: { fontFamily: string; fontWeight: number }): { data: TFontData | null } | null;
};
const store = Font as unknown as TFontStore;

/** Advance widths in em, per weight and code point, from the fonts react-pdf will use. */
const widths: Record<"regular" | "bold", Map<number, number>> = {
  regular: new Map(),
  bold: new Map(),
};
let fonts: Record<"regular" | "bold", TFontData[]> | null = null;

/** Loads the metrics once per process (the fonts are the ones the layout loads anyway). */
export async function loadMetrics(families: readonly string[]): Promise<void> {
  if (fonts) return;
  const load = async (fontWeight: number) => {
    const out: TFontData[] = [];
    for (const fontFamily of families) {
      await store.load({ fontFamily, fontWeight });
      const data = store.getFont({ fontFamily, fontWeight })?.data;
      if (data) out.push(data);
    }
    return out;
  };
  fonts = { regular: await load(400), bold: await load(700) };
  // Helvetica's layout encode, cached per character and pair (fast-encode.ts).
  for (const f of [...fonts.regular, ...fonts.bold]) {
    const { type, src } = f as { type?: string; src?: TPdfkitStandardFont };
    if (type === "STANDARD" && src) installFastEncode(src);
  }
}

function emWidth(codePoint: number, weight: "regular" | "bold"): number {
  const cache = widths[weight];
  const hit = cache.get(codePoint);
  if (hit !== undefined) return hit;
  let w = codePoint >= 0x2e80 ? 1 : 0.62; // CJK is square; anything else unknown, a wide guess
  for (const font of fonts?.[weight] ?? []) {
    if (!font.hasGlyphForCodePoint(codePoint)) continue;
    if (font.encode) {
      const [, positions] = font.encode(String.fromCodePoint(codePoint));
      w = (positions[0]?.advanceWidth ?? 600) / 1000;
    } else if (font.glyphForCodePoint && font.unitsPerEm) {
      w = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
    }
    break;
  }
  cache.set(codePoint, w);
  return w;
}

export type TTextWidthInput = { text: string; fontSize: number; bold?: boolean };

export function textWidth({ text, fontSize, bold }: TTextWidthInput): number {
  const weight = bold ? "bold" : "regular";
  let em = 0;
  for (const ch of text) em += emWidth(ch.codePointAt(0) ?? 32, weight);
  return em * fontSize;
}

export type TTextLinesInput = TTextWidthInput & { width: number };

/** Lines the text wraps to in a box `width` points wide: greedy, word by word, like a browser. */
export function textLines({ text, fontSize, bold, width }: TTextLinesInput): number {
  const space = textWidth({ text: " ", fontSize, bold });
  let lines = 0;
  for (const para of text.split("\n")) {
    lines += 1;
    let used = 0;
    for (const word of para.split(/ +/)) {
      if (!word) continue;
      const w = textWidth({ text: word, fontSize, bold });
      const next = used === 0 ? w : used + space + w;
      if (next <= width) {
        used = next;
        continue;
      }
      if (used > 0) lines += 1;
      // A word wider than the box is broken anywhere.
      lines += Math.max(0, Math.ceil(w / width) - 1);
      used = w % width || (w > 0 ? width : 0);
    }
  }
  return lines;
}

const drawableCache = new Map<number, boolean>();

/**
 * The text with every character that no report font can draw replaced by U+FFFD (drawn by
 * DejaVu as a marked box). Without it react-pdf falls back to Helvetica's WinAnsi encoding and
 * prints unrelated Latin letters: "東京" came out as "q¬".
 */
export function drawable(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x7f;
  if (ascii) return text;
  let out = "";
  let changed = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 32;
    let ok = drawableCache.get(cp);
    if (ok === undefined) {
      ok = cp < 32 || (fonts?.regular ?? []).some((f) => f.hasGlyphForCodePoint(cp));
      drawableCache.set(cp, ok);
    }
    if (ok) out += ch;
    else {
      out += "\uFFFD";
      changed = true;
    }
  }
  return changed ? out : text;
}

/** Every string in a plain-data value passed through `drawable`. */
export function drawableStrings<T>(value: T): T {
  if (typeof value === "string") return drawable(value) as T;
  if (Array.isArray(value)) return value.map(drawableStrings) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, drawableStrings(v)])) as T;
  return value;
}

const latinCache = new Map<number, boolean>();

/**
 * Whether Helvetica (WinAnsi) lacks a character of the text. The page font is Helvetica alone,
 * which react-pdf lays out cheapest; a Text that needs more gets the Helvetica → DejaVu stack
 * (`fallbackStyle`), which costs every character a second font lookup.
 */
export function needsFallback(text: string): boolean {
  const helvetica = fonts?.regular[0];
  if (!helvetica) return true;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0x7f) continue;
    let ok = latinCache.get(cp);
    if (ok === undefined) {
      ok = helvetica.hasGlyphForCodePoint(cp);
      latinCache.set(cp, ok);
    }
    if (!ok) return true;
  }
  return false;
}
