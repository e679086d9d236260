import { Document, Text, View } from "@react-pdf/renderer";
import type { TPortfolioReport } from "@/lib/reports/types";
import { ReportPage } from "./frame";
import { SeverityBadge } from "./severity-badge";
import { Table } from "./table";
import { BRAND, s } from "./theme";

export type TPortfolioReportDocProps = {
  report: TPortfolioReport;
  onPage?: (page: number, total: number | undefined) => void;
  /** Pages the document will about have, for progress before layout knows the total. */
  onPageCount?: (pages: number) => void;
};

const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export function PortfolioReportDoc({ report: r, onPage, onPageCount }: TPortfolioReportDocProps) {
  const frame = {
    running: `${r.orgName} · Vendor resilience portfolio`,
    generatedAt: r.generatedAt,
    asOf: r.asOf,
    onPage,
  };
  onPageCount?.(2);
  const kpis: [string, number][] = [
    ["Active vendors", r.totals.vendors],
    ["Assessments", r.totals.assessments],
    ["Open findings", r.totals.openFindings],
    ["Overdue", r.totals.overdue],
  ];
  return (
    <Document title={`${r.orgName} vendor resilience portfolio`} author="Resilience Ledger">
      <ReportPage {...frame}>
        <Text style={s.h1}>Vendor resilience portfolio</Text>
        <Text style={[s.muted, { marginBottom: 14 }]}>{`${r.orgName} · as of ${r.asOf}`}</Text>
        <View style={s.kpiRow}>
          {kpis.map(([label, value]) => (
            <View key={label} style={s.kpi}>
              <Text style={s.kpiLabel}>{label}</Text>
              <Text style={[s.kpiValue, { color: BRAND }]}>{value}</Text>
            </View>
          ))}
        </View>
        <Text style={s.h2}>Vendors by latest rating and tier</Text>
        <Table
          columns={[
            { title: "Rating", flex: 2 },
            ...r.tiers.map((t) => ({ title: cap(t), flex: 1 })),
            { title: "Total", flex: 1 },
          ]}
          rows={r.ratingByTier.map((row) => [
            row.rating === "unrated" ? (
              "Not yet rated"
            ) : (
              <SeverityBadge key="b" severity={row.rating as "low"} />
            ),
            ...r.tiers.map((t) => String(row.counts[t] ?? 0)),
            String(row.total),
          ])}
        />
        <Text style={[s.h2, { marginTop: 14 }]}>Most frequent flags</Text>
        <Table
          columns={[
            { title: "Flag", flex: 5 },
            { title: "Code", flex: 3.4 },
            { title: "Assessments", flex: 1.4 },
          ]}
          rows={r.topFlags.map((f) => [f.title, f.code, String(f.count)])}
        />
        <Text style={[s.h2, { marginTop: 14 }]}>Open findings by severity</Text>
        <View style={{ flexDirection: "row", gap: 12 }}>
          {r.openFindings.map((f) => (
            <View key={f.severity} style={{ flexDirection: "row", gap: 4, alignItems: "center" }}>
              <SeverityBadge severity={f.severity} />
              <Text style={s.bold}>{f.count}</Text>
            </View>
          ))}
        </View>
      </ReportPage>
      <ReportPage {...frame}>
        <Text style={s.h2}>{`Overdue assessments (${r.overdue.length})`}</Text>
        {r.overdue.length === 0 ? (
          <Text style={s.muted}>No assessment is past its due date.</Text>
        ) : (
          <Table
            columns={[
              { title: "Vendor", flex: 3 },
              { title: "Tier", flex: 1.2 },
              { title: "Due", flex: 1.4 },
              { title: "Days overdue", flex: 1.3 },
              { title: "Status", flex: 1.5 },
            ]}
            rows={r.overdue.map((o) => [
              o.vendor,
              cap(o.tier),
              o.due,
              String(o.daysOverdue),
              o.status.replace("_", " "),
            ])}
          />
        )}
        <Text style={[s.h2, { marginTop: 14 }]}>Oldest open findings</Text>
        {r.oldestFindings.length === 0 ? (
          <Text style={s.muted}>No open findings.</Text>
        ) : (
          <Table
            columns={[
              { title: "Vendor", flex: 2.4 },
              { title: "Finding", flex: 4 },
              { title: "Severity", flex: 1.3 },
              { title: "Due", flex: 1.4 },
              { title: "Status", flex: 1.4 },
            ]}
            rows={r.oldestFindings.map((f) => [
              f.vendor,
              f.title,
              <SeverityBadge key="s" severity={f.severity} />,
              f.due,
              f.status.replace("_", " "),
            ])}
          />
        )}
      </ReportPage>
    </Document>
  );
}
