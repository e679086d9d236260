import { Text, View } from "@react-pdf/renderer";
import type { TAssessmentReport } from "@/lib/reports/types";
import { h2Block, h3Block, paraBlock } from "./blocks";
import { textLines } from "./measure";
import { SeverityBadge } from "./severity-badge";
import { type TBlock, tableBlocks } from "./table";
import {
  BAND,
  BODY_SIZE,
  BRAND,
  CONTENT_WIDTH,
  FALLBACK_STYLE,
  LINE_HEIGHT,
  MUTED,
  RULE,
  s,
} from "./theme";
import { Txt } from "./txt";

const dash = (v: string | null) => v ?? "—";

export function Cover({ report: r }: { report: TAssessmentReport }) {
  const facts: [string, string][] = [
    ["Vendor tier", r.vendor.tier],
    ["Services", r.vendor.services.join(", ") || "—"],
    ["Questionnaire", `${r.questionnaire.title} (${r.questionnaire.version})`],
    ["Status", r.status.replace("_", " ")],
    ["Sent / due", `${dash(r.dates.sent)} / ${dash(r.dates.due)}`],
    ["Submitted", dash(r.dates.submitted)],
    ["Answers judged as of", dash(r.dates.asOf)],
    ["Next reassessment", dash(r.dates.nextReassessment)],
  ];
  return (
    // One page of short texts: the whole cover may use the fallback font where needed.
    <View style={FALLBACK_STYLE}>
      <View style={{ backgroundColor: BRAND, padding: 24, marginBottom: 24, borderRadius: 3 }}>
        <Text style={{ color: "#c7d2fe", fontSize: 9, letterSpacing: 1.5, marginBottom: 10 }}>
          VENDOR BUSINESS CONTINUITY &amp; DISASTER RECOVERY REPORT
        </Text>
        <Text
          style={{
            color: "#ffffff",
            fontSize: 26,
            fontWeight: "bold",
            lineHeight: 1.2,
            marginBottom: 8,
          }}
        >
          {r.vendor.name}
        </Text>
        <Text style={{ color: "#e0e7ff", fontSize: 11 }}>{r.questionnaire.title}</Text>
      </View>
      <View style={s.kpiRow}>
        <View style={s.kpi}>
          <Text style={s.kpiLabel}>Rating</Text>
          {r.rating ? (
            <SeverityBadge severity={r.rating} large />
          ) : (
            <Text style={s.kpiValue}>not rated</Text>
          )}
        </View>
        <View style={s.kpi}>
          <Text style={s.kpiLabel}>Score</Text>
          <Text style={s.kpiValue}>{r.score === null ? "—" : `${r.score}/100`}</Text>
        </View>
        <View style={s.kpi}>
          <Text style={s.kpiLabel}>Flags</Text>
          <Text style={s.kpiValue}>{r.flags.length}</Text>
        </View>
        <View style={s.kpi}>
          <Text style={s.kpiLabel}>Critical / high</Text>
          <Text
            style={s.kpiValue}
          >{`${r.severityCounts.critical} / ${r.severityCounts.high}`}</Text>
        </View>
      </View>
      <View style={{ borderTopWidth: 0.75, borderTopColor: RULE }}>
        {facts.map(([k, v]) => (
          <View key={k} style={s.row}>
            <Text style={[s.cell, s.muted, { width: 150 }]}>{k}</Text>
            <Text
              style={[
                s.cell,
                { flex: 1, textTransform: k === "Vendor tier" ? "capitalize" : "none" },
              ]}
            >
              {v}
            </Text>
          </View>
        ))}
      </View>
      <Text style={[s.small, s.muted, { marginTop: 18 }]}>
        Generated {r.dates.generatedAt}. Figures are computed by the Resilience Ledger rules engine
        from the vendor's own answers; distances are great-circle distances between the coordinates
        given.
      </Text>
    </View>
  );
}

/** The executive summary as flow blocks: verdict, top risks, requirements against answers. */
export function summaryBlocks(r: TAssessmentReport): TBlock[] {
  const verdict = r.rating
    ? `${r.vendor.name} is rated ${r.rating.toUpperCase()} risk with a score of ${r.score ?? "—"}/100, from ${r.flags.length} flag${r.flags.length === 1 ? "" : "s"} raised by the rules engine.`
    : `${r.vendor.name} has not been rated yet: the vendor has not submitted the questionnaire.`;
  const risks = r.topRisks.length
    ? r.topRisks.map((t, i) => `${i + 1}.  ${t}`)
    : ["No medium, high or critical risks were found."];
  const riskLines = risks.reduce(
    (n, t) => n + textLines({ text: t, fontSize: BODY_SIZE, width: CONTENT_WIDTH - 20 }),
    0,
  );
  return [
    h2Block("summary", "Executive summary"),
    paraBlock("verdict", verdict),
    {
      key: "risks",
      height: 20 + 12 + 26.2 + riskLines * BODY_SIZE * LINE_HEIGHT,
      node: (
        <View style={{ backgroundColor: BAND, padding: 10, borderRadius: 3, marginBottom: 12 }}>
          <Text style={[s.h3, { marginTop: 0 }]}>Top risks</Text>
          {r.topRisks.length === 0 ? (
            <Text style={s.muted}>{risks[0]}</Text>
          ) : (
            <Txt>{risks.join("\n")}</Txt>
          )}
        </View>
      ),
    },
    h3Block("req", "Requirements against answers"),
    ...tableBlocks({
      key: "req",
      columns: [
        { title: "Requirement", flex: 3 },
        { title: "Required", flex: 2.4 },
        { title: "Vendor's answer", flex: 3 },
        { title: "Result", flex: 1.2 },
      ],
      rows: r.requirements.map((q) => {
        const result = q.met === null ? "unknown" : q.met ? "Met" : "Not met";
        return [
          q.label,
          q.required,
          q.answered,
          {
            text: result,
            node: (
              <Text
                style={[s.bold, { color: q.met === null ? MUTED : q.met ? "#15803d" : "#b91c1c" }]}
              >
                {result}
              </Text>
            ),
          },
        ];
      }),
    }),
  ];
}
