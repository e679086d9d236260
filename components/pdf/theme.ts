import path from "node:path";
import { Font, StyleSheet } from "@react-pdf/renderer";
import type { TReportSeverity } from "@/lib/reports/types";

// DejaVu from node_modules (nothing downloaded): Helvetica is Latin-1 only, and vendors type
// site names in any script. Resolved from the working directory, which is the app root in
// `next start`, the bench and the tests alike.
const TTF = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
let registered = false;

export function registerReportFonts() {
  if (registered) return;
  registered = true;
  Font.register({
    family: "DejaVu Sans",
    fonts: [
      { src: path.join(TTF, "DejaVuSans.ttf") },
      { src: path.join(TTF, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
    ],
  });
  // Hyphenation costs time on every word and splits codes like SITE_SEPARATION badly.
  Font.registerHyphenationCallback((word) => [word]);
}

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
    fontFamily: "DejaVu Sans",
    fontSize: 9,
    color: INK,
    paddingTop: 56,
    paddingBottom: 52,
    paddingHorizontal: 44,
    lineHeight: 1.35,
  },
  header: {
    position: "absolute",
    top: 22,
    left: 44,
    right: 44,
    flexDirection: "row",
    justifyContent: "space-between",
    borderBottomWidth: 0.75,
    borderBottomColor: RULE,
    paddingBottom: 5,
    fontSize: 7.5,
    color: MUTED,
  },
  footer: {
    position: "absolute",
    bottom: 22,
    left: 44,
    right: 44,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.75,
    borderTopColor: RULE,
    paddingTop: 5,
    fontSize: 7.5,
    color: MUTED,
  },
  pageNumber: {
    position: "absolute",
    top: 805,
    right: 44,
    width: 160,
    paddingTop: 5,
    fontSize: 7.5,
    color: MUTED,
    textAlign: "right",
  },
  h1: { fontSize: 20, fontWeight: "bold", color: BRAND, marginBottom: 4 },
  h2: { fontSize: 13, fontWeight: "bold", color: BRAND, marginBottom: 8, marginTop: 4 },
  h3: { fontSize: 10.5, fontWeight: "bold", marginBottom: 4, marginTop: 8 },
  muted: { color: MUTED },
  small: { fontSize: 8 },
  bold: { fontWeight: "bold" },
  para: { marginBottom: 6 },
  badge: {
    fontSize: 7,
    fontWeight: "bold",
    paddingHorizontal: 4,
    paddingVertical: 1.5,
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
