import path from "node:path";
import { Font, StyleSheet } from "@react-pdf/renderer";
import type { TReportSeverity } from "@/lib/reports/types";

// Latin text is set in Helvetica, one of the PDF standard fonts: nothing to embed and no
// OpenType shaping, which was most of react-pdf's per-text cost (lib/reports/README.md).
// Any character Helvetica (WinAnsi) lacks falls back, per character, to DejaVu Sans (Cyrillic,
// Greek, symbols such as the flag mark) and then Noto Sans SC (Chinese and Japanese: kanji,
// hanzi, kana), both from node_modules (nothing downloaded). Only the glyphs used are embedded.
// Hangul is in none of them and prints as U+FFFD (see README).
const TTF = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
const CJK = path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc");
export const FALLBACK_FAMILY = "DejaVu Sans";
export const CJK_FAMILY = "Noto Sans SC";
export const FONT: string[] = ["Helvetica", FALLBACK_FAMILY, CJK_FAMILY];
/** Set on a Text whose characters Helvetica lacks (see `Txt`); pages default to Helvetica. */
export const FALLBACK_STYLE = { fontFamily: FONT };
let registered = false;

export function registerReportFonts() {
  if (registered) return;
  registered = true;
  Font.register({
    family: FALLBACK_FAMILY,
    fonts: [
      { src: path.join(TTF, "DejaVuSans.ttf") },
      { src: path.join(TTF, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
    ],
  });
  Font.register({
    family: CJK_FAMILY,
    fonts: [
      { src: path.join(CJK, "400Regular/NotoSansSC_400Regular.ttf") },
      { src: path.join(CJK, "700Bold/NotoSansSC_700Bold.ttf"), fontWeight: "bold" },
    ],
  });
  // Dictionary hyphenation costs time on every word and splits codes like SITE_SEPARATION
  // badly, so words are not hyphenated; but a word too long for any column (a file name, an
  // identifier) gets break points every few characters, or it would run over the next column
  // and off the page. The callback also sees every word the layout sets: render progress.
  Font.registerHyphenationCallback((word) => {
    onWordLaidOut?.(word.length);
    if (word.length <= LONG_WORD) return [word];
    const parts: string[] = [];
    for (let i = 0; i < word.length; i += WORD_PIECE) parts.push(word.slice(i, i + WORD_PIECE));
    return parts;
  });
}

const LONG_WORD = 24;
const WORD_PIECE = 8;
let onWordLaidOut: ((chars: number) => void) | null = null;

/** Called with the length of each word as the layout sets it (one render at a time). */
export function setLayoutListener(listener: ((chars: number) => void) | null) {
  onWordLaidOut = listener;
}

// Page geometry (points), shared by the styles below and the height estimates that cut long
// lists into pages before layout.
export const PAGE = { width: 595.28, height: 841.89, top: 56, bottom: 52, side: 44 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side;
export const CONTENT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;
export const BODY_SIZE = 9;
export const LINE_HEIGHT = 1.35;
/** Top of the footer rule: its text (7.5 pt) ends 22 pt above the page's bottom edge. */
const FOOTER_TOP = PAGE.height - 22 - 5.75 - 7.5 * LINE_HEIGHT;

export const INK = "#0f172a";
export const MUTED = "#475569";
export const RULE = "#cbd5e1";
export const BRAND = "#312e81";
export const BAND = "#f1f5f9";

export const SEVERITY_COLORS: Record<TReportSeverity, { fg: string; bg: string }> = {
  critical: { fg: "#ffffff", bg: "#991b1b" },
  high: { fg: "#ffffff", bg: "#c2410c" },
  medium: { fg: "#422006", bg: "#facc15" },
  low: { fg: "#ffffff", bg: "#1d4ed8" },
  info: { fg: "#ffffff", bg: "#64748b" },
};

export const s = StyleSheet.create({
  page: {
    fontFamily: "Helvetica",
    fontSize: BODY_SIZE,
    color: INK,
    paddingTop: PAGE.top,
    paddingBottom: PAGE.bottom,
    paddingHorizontal: PAGE.side,
    lineHeight: LINE_HEIGHT,
  },
  /**
   * A static page's body, at least as tall as the content area: react-pdf sizes a page that
   * does not wrap by its content, so this makes it A4, and a page whose content overflowed
   * comes out taller than A4, which render.tsx looks for.
   */
  body: { minHeight: CONTENT_HEIGHT },
  // Running header and footer: plain absolute Texts (no row Views), three per page.
  header: {
    position: "absolute",
    top: 22,
    left: PAGE.side,
    right: PAGE.side,
    borderBottomWidth: 0.75,
    borderBottomColor: RULE,
    paddingBottom: 5,
    fontSize: 7.5,
    color: MUTED,
  },
  footer: {
    position: "absolute",
    top: FOOTER_TOP,
    left: PAGE.side,
    right: PAGE.side,
    borderTopWidth: 0.75,
    borderTopColor: RULE,
    paddingTop: 5,
    fontSize: 7.5,
    color: MUTED,
  },
  pageNumber: {
    position: "absolute",
    top: FOOTER_TOP + 5,
    right: PAGE.side,
    width: 160,
    fontSize: 7.5,
    color: MUTED,
    textAlign: "right",
  },
  h1: { fontSize: 20, lineHeight: 1.25, fontWeight: "bold", color: BRAND, marginBottom: 4 },
  h2: {
    fontSize: 13,
    lineHeight: 1.3,
    fontWeight: "bold",
    color: BRAND,
    marginBottom: 8,
    marginTop: 4,
  },
  h3: { fontSize: 10.5, lineHeight: 1.3, fontWeight: "bold", marginBottom: 4, marginTop: 8 },
  muted: { color: MUTED },
  small: { fontSize: 8 },
  bold: { fontWeight: "bold" },
  para: { marginBottom: 6 },
  badge: {
    fontSize: 7,
    lineHeight: 1,
    fontWeight: "bold",
    paddingHorizontal: 4,
    paddingTop: 2.5,
    paddingBottom: 2,
    borderRadius: 2,
    textTransform: "uppercase",
  },
  tableHead: {
    flexDirection: "row",
    backgroundColor: BRAND,
    color: "#ffffff",
    fontWeight: "bold",
    fontSize: 8,
    paddingVertical: 4,
  },
  row: {
    flexDirection: "row",
    borderBottomWidth: 0.5,
    borderBottomColor: RULE,
    paddingVertical: 3.5,
  },
  rowAlt: { backgroundColor: "#f8fafc" },
  cell: { paddingHorizontal: 4 },
  kpiRow: { flexDirection: "row", gap: 10, marginBottom: 12 },
  kpi: {
    flexGrow: 1,
    flexBasis: 0,
    borderWidth: 0.75,
    borderColor: RULE,
    borderRadius: 3,
    padding: 8,
  },
  kpiLabel: { fontSize: 7.5, color: MUTED, textTransform: "uppercase", marginBottom: 3 },
  kpiValue: { fontSize: 16, fontWeight: "bold" },
});
