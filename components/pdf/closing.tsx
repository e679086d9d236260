import { Text, View } from "@react-pdf/renderer";
import type { TAssessmentReport } from "@/lib/reports/types";
import { SeverityBadge } from "./severity-badge";
import { Table } from "./table";
import { MUTED, RULE, s } from "./theme";

export function EvidenceAndFindings({ report: r }: { report: TAssessmentReport }) {
  return (
    <View>
      <Text style={s.h2}>Evidence</Text>
      {r.evidence.length === 0 ? (
        <Text style={[s.muted, s.para]}>No evidence files were attached.</Text>
      ) : (
        <Table
          columns={[
            { title: "File", flex: 3 },
            { title: "For question", flex: 3.4 },
            { title: "Evidence date", flex: 1.4 },
            { title: "Uploaded", flex: 1.3 },
            { title: "Size", flex: 0.9 },
          ]}
          rows={r.evidence.map((e) => [e.fileName, e.question, e.evidenceDate, e.uploaded, e.size])}
        />
      )}
      <Text style={[s.h2, { marginTop: 14 }]}>Findings and remediation</Text>
      {r.findings.length === 0 ? (
        <Text style={[s.muted, s.para]}>No findings have been raised.</Text>
      ) : (
        <Table
          columns={[
            { title: "Finding", flex: 3.4 },
            { title: "Severity", flex: 1.3 },
            { title: "Status", flex: 1.3 },
            { title: "Owner", flex: 1.6 },
            { title: "Due", flex: 1.3 },
            { title: "Remediation / justification", flex: 3 },
          ]}
          rows={r.findings.map((f) => [
            f.title,
            <SeverityBadge key="s" severity={f.severity} />,
            f.status,
            f.owner,
            f.due,
            f.note || "—",
          ])}
        />
      )}
    </View>
  );
}

export function SignOff({ report: r }: { report: TAssessmentReport }) {
  const line = (label: string, value: string | null) => (
    <View style={{ flex: 1 }}>
      <Text
        style={{ borderBottomWidth: 0.75, borderBottomColor: MUTED, height: 22, paddingTop: 8 }}
      >
        {value ?? " "}
      </Text>
      <Text style={[s.small, s.muted, { marginTop: 2 }]}>{label}</Text>
    </View>
  );
  return (
    <View
      wrap={false}
      style={{ marginTop: 18, borderWidth: 0.75, borderColor: RULE, borderRadius: 3, padding: 12 }}
    >
      <Text style={s.h2}>Sign-off</Text>
      <Text style={s.para}>
        {r.signOff.decision === "pending"
          ? "No decision has been recorded in Resilience Ledger yet."
          : `Decision recorded: ${r.signOff.decision}${r.signOff.decidedBy ? ` by ${r.signOff.decidedBy}` : ""}${r.signOff.decidedAt ? ` on ${r.signOff.decidedAt}` : ""}.`}
        {r.signOff.comment ? ` Comment: ${r.signOff.comment}` : ""}
      </Text>
      <View style={{ flexDirection: "row", gap: 16, marginBottom: 10 }}>
        {line("Reviewed by (name, role)", r.signOff.decidedBy)}
        {line("Date", r.signOff.decidedAt)}
      </View>
      <View style={{ flexDirection: "row", gap: 16 }}>
        {line("Approved by (risk owner)", null)}
        {line("Signature", null)}
      </View>
    </View>
  );
}
