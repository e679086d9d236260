import { Text, View } from "@react-pdf/renderer";
import type { TAssessmentReport } from "@/lib/reports/types";
import { tableSection } from "./blocks";
import { textLines } from "./measure";
import { SeverityBadge } from "./severity-badge";
import type { TBlock } from "./table";
import { BODY_SIZE, CONTENT_WIDTH, LINE_HEIGHT, MUTED, RULE, s } from "./theme";
import { Txt } from "./txt";

/** Evidence, findings and the sign-off box, as flow blocks (long lists continue on new pages). */
export function closingBlocks(r: TAssessmentReport): TBlock[] {
  return [
    ...tableSection({
      key: "evidence",
      title: "Evidence",
      empty: "No evidence files were attached.",
      columns: [
        { title: "File", flex: 3 },
        { title: "For question", flex: 3.4 },
        { title: "Evidence date", flex: 1.4 },
        { title: "Uploaded", flex: 1.3 },
        { title: "Size", flex: 0.9 },
      ],
      rows: r.evidence.map((e) => [e.fileName, e.question, e.evidenceDate, e.uploaded, e.size]),
    }),
    ...tableSection({
      key: "findings",
      title: "Findings and remediation",
      empty: "No findings have been raised.",
      marginTop: 10,
      columns: [
        { title: "Finding", flex: 3.4 },
        { title: "Severity", flex: 1.4 },
        { title: "Status", flex: 1.3 },
        { title: "Owner", flex: 1.6 },
        { title: "Due", flex: 1.4 },
        { title: "Remediation or risk acceptance", flex: 3 },
      ],
      rows: r.findings.map((f) => [
        f.title,
        { text: f.severity, node: <SeverityBadge severity={f.severity} /> },
        f.status.replace("_", " "),
        f.owner,
        f.due,
        f.note || "—",
      ]),
    }),
    signOffBlock(r),
  ];
}

function signOffBlock(r: TAssessmentReport): TBlock {
  const decision =
    (r.signOff.decision === "pending"
      ? "No decision has been recorded in Resilience Ledger yet."
      : `Decision recorded: ${r.signOff.decision}${r.signOff.decidedBy ? ` by ${r.signOff.decidedBy}` : ""}${r.signOff.decidedAt ? ` on ${r.signOff.decidedAt}` : ""}.`) +
    (r.signOff.comment ? ` Comment: ${r.signOff.comment}` : "");
  const lines = textLines({ text: decision, fontSize: BODY_SIZE, width: CONTENT_WIDTH - 25 });
  const line = (label: string, value: string | null) => (
    <View style={{ flex: 1 }}>
      <Txt style={{ borderBottomWidth: 0.75, borderBottomColor: MUTED, height: 22, paddingTop: 8 }}>
        {value ?? " "}
      </Txt>
      <Text style={[s.small, s.muted, { marginTop: 2 }]}>{label}</Text>
    </View>
  );
  return {
    key: "sign-off",
    height: 18 + 1.5 + 24 + 29.6 + 6 + lines * BODY_SIZE * LINE_HEIGHT + 80,
    node: (
      <View
        wrap={false}
        style={{
          marginTop: 18,
          borderWidth: 0.75,
          borderColor: RULE,
          borderRadius: 3,
          padding: 12,
        }}
      >
        <Text style={s.h2}>Sign-off</Text>
        <Txt style={s.para}>{decision}</Txt>
        <View style={{ flexDirection: "row", gap: 16, marginBottom: 10 }}>
          {line("Reviewed by (name, role)", r.signOff.decidedBy)}
          {line("Date", r.signOff.decidedAt)}
        </View>
        <View style={{ flexDirection: "row", gap: 16 }}>
          {line("Approved by (risk owner)", null)}
          {line("Signature", null)}
        </View>
      </View>
    ),
  };
}
