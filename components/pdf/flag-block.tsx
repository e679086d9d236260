import { Text, View } from "@react-pdf/renderer";
import { estimateLines } from "@/lib/reports/chunk";
import type { TReportFlag } from "@/lib/reports/types";
import { SeverityBadge } from "./severity-badge";
import { MUTED, RULE, SEVERITY_COLORS, s } from "./theme";

/** Estimated height in body lines, for chunking flags into pages before layout. */
export const flagLines = (f: TReportFlag) =>
  3 +
  estimateLines({ text: f.detail, charsPerLine: 100 }) +
  f.answers.reduce(
    (n, a) => n + estimateLines({ text: `${a.label}: ${a.answer}`, charsPerLine: 90 }),
    0,
  );

/** One flag: flat rows, no nested wrapping containers, kept whole on its page. */
export function FlagBlock({ flag }: { flag: TReportFlag }) {
  return (
    <View
      wrap={false}
      style={{
        borderLeftWidth: 3,
        borderLeftColor: SEVERITY_COLORS[flag.severity].bg,
        paddingLeft: 8,
        paddingVertical: 4,
        marginBottom: 8,
        borderBottomWidth: 0.5,
        borderBottomColor: RULE,
      }}
    >
      <View style={{ flexDirection: "row", alignItems: "center", gap: 6, marginBottom: 2 }}>
        <SeverityBadge severity={flag.severity} />
        <Text style={[s.bold, { fontSize: 10 }]}>{flag.title}</Text>
      </View>
      <Text style={[s.small, { color: MUTED, marginBottom: 2 }]}>{flag.code}</Text>
      <Text style={{ marginBottom: 3 }}>{flag.detail}</Text>
      {flag.answers.map((a) => (
        <Text key={a.questionId} style={s.small}>
          <Text style={s.bold}>{`${a.label}: `}</Text>
          {a.answer}
        </Text>
      ))}
    </View>
  );
}
