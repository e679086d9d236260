import { Text, View } from "@react-pdf/renderer";
import { estimateLines } from "@/lib/reports/chunk";
import type { TAnswerRow } from "@/lib/reports/types";
import { BAND, BRAND, RULE, s } from "./theme";

/** Answers flattened to one list of section headings and rows, so it can be page-chunked. */
export type TAnswerItem = { kind: "section"; title: string } | { kind: "row"; row: TAnswerRow };

export const answerItemLines = (item: TAnswerItem) =>
  item.kind === "section"
    ? 2.6
    : 0.5 +
      Math.max(
        estimateLines({ text: item.row.label, charsPerLine: 48 }),
        estimateLines({ text: item.row.answer, charsPerLine: 52 }),
      );

export function AnswerItem({ item }: { item: TAnswerItem }) {
  if (item.kind === "section")
    return (
      <Text
        style={{
          fontSize: 10.5,
          fontWeight: "bold",
          color: BRAND,
          backgroundColor: BAND,
          padding: 4,
          marginTop: 6,
          marginBottom: 2,
        }}
      >
        {item.title}
      </Text>
    );
  const { row } = item;
  return (
    <View
      style={{
        flexDirection: "row",
        borderBottomWidth: 0.5,
        borderBottomColor: RULE,
        paddingVertical: 3,
      }}
      wrap={false}
    >
      <Text style={[s.cell, { flex: 1, color: "#334155" }]}>{row.label}</Text>
      <Text
        style={[s.cell, { flex: 1.1 }, row.flagged ? { color: "#b91c1c", fontWeight: "bold" } : {}]}
      >
        {row.flagged ? `${row.answer}  ⚑` : row.answer}
      </Text>
    </View>
  );
}
