import { Document, Text, View } from "@react-pdf/renderer";
import { flowPages } from "@/lib/reports/chunk";
import type { TPortfolioReport } from "@/lib/reports/types";
import type { TPlanOptions } from "./assessment-report";
import { h2Block, paraBlock, tableSection } from "./blocks";
import { ReportPages, type TNumbering } from "./frame";
import { SeverityBadge } from "./severity-badge";
import { type TBlock, tableBlocks } from "./table";
import { BRAND, CONTENT_HEIGHT, s } from "./theme";
import { Txt } from "./txt";

const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export type TPortfolioPlan = { pages: TBlock[][] };

/** The portfolio report cut into pages before layout (see assessment-report.tsx). */
export function planPortfolioReport(
  r: TPortfolioReport,
  { capacity = CONTENT_HEIGHT - 14 }: TPlanOptions = {},
): TPortfolioPlan {
  const kpis: [string, number][] = [
    ["Active vendors", r.totals.vendors],
    ["Assessments", r.totals.assessments],
    ["Open findings", r.totals.openFindings],
    ["Overdue", r.totals.overdue],
  ];
  const overview: TBlock[] = [
    {
      key: "title",
      height: 4 + 27 + 14 + 12.15,
      keepWithNext: true,
      node: (
        <View>
          <Text style={s.h1}>Vendor resilience portfolio</Text>
          <Txt style={[s.muted, { marginBottom: 14 }]}>{`${r.orgName} · as of ${r.asOf}`}</Txt>
        </View>
      ),
    },
    {
      key: "kpis",
      height: 12 + 16 + 10.2 + 3 + 21.6,
      node: (
        <View style={s.kpiRow}>
          {kpis.map(([label, value]) => (
            <View key={label} style={s.kpi}>
              <Text style={s.kpiLabel}>{label}</Text>
              <Text style={[s.kpiValue, { color: BRAND }]}>{value}</Text>
            </View>
          ))}
        </View>
      ),
    },
    paraBlock("scope", r.scope ? `Vendors in this report: ${r.scope}` : "All active vendors", {
      muted: true,
    }),
    h2Block("by-tier", "Vendors by latest rating and tier"),
    ...tableBlocks({
      key: "by-tier",
      columns: [
        { title: "Latest rating", flex: 2 },
        ...r.tiers.map((t) => ({ title: cap(t), flex: 1 })),
        { title: "Total", flex: 1 },
      ],
      rows: r.ratingByTier.map((row) => [
        row.rating === "unrated"
          ? "Not yet rated"
          : { text: row.rating, node: <SeverityBadge severity={row.rating as "low"} /> },
        ...r.tiers.map((t) => String(row.counts[t] ?? 0)),
        String(row.total),
      ]),
    }),
    ...tableSection({
      key: "top-flags",
      title: "Most frequent flags",
      empty: "No assessment has raised a flag.",
      marginTop: 10,
      columns: [
        { title: "Flag", flex: 5 },
        { title: "Code", flex: 3.6 },
        { title: "Assessments", flex: 1.4 },
      ],
      rows: r.topFlags.map((f) => [f.title, f.code, String(f.count)]),
    }),
    h2Block("open-findings-title", "Open findings by severity", 10),
    {
      key: "open-findings",
      height: 16,
      node: (
        <View style={{ flexDirection: "row", gap: 16 }}>
          {r.openFindings.map((f) => (
            <View key={f.severity} style={{ flexDirection: "row", gap: 5, alignItems: "center" }}>
              <SeverityBadge severity={f.severity} />
              <Text style={s.bold}>{f.count}</Text>
            </View>
          ))}
        </View>
      ),
    },
  ];
  const attention: TBlock[] = [
    ...tableSection({
      key: "vendors",
      title:
        r.vendors.length < r.vendorsTotal
          ? `Vendors (first ${r.vendors.length} of ${r.vendorsTotal}; the CSV export lists all)`
          : `Vendors (${r.vendorsTotal})`,
      continuedTitle: "Vendors (continued)",
      empty: "No vendor matches.",
      columns: [
        { title: "Vendor", flex: 4 },
        { title: "Tier", flex: 1.3 },
        { title: "Latest rating", flex: 1.6 },
        { title: "Score", flex: 1 },
        { title: "Open findings", flex: 1.4 },
      ],
      rows: r.vendors.map((v) => [
        v.name,
        cap(v.tier),
        v.rating === "not rated"
          ? "Not yet rated"
          : { text: v.rating, node: <SeverityBadge severity={v.rating as "low"} /> },
        v.score,
        String(v.openFindings),
      ]),
    }),
    ...tableSection({
      key: "overdue",
      title: `Overdue assessments (${r.overdue.length})`,
      marginTop: 10,
      continuedTitle: "Overdue assessments (continued)",
      empty: "No assessment is past its due date.",
      columns: [
        { title: "Vendor", flex: 3 },
        { title: "Tier", flex: 1.2 },
        { title: "Due", flex: 1.4 },
        { title: "Days overdue", flex: 1.3 },
        { title: "Status", flex: 1.5 },
      ],
      rows: r.overdue.map((o) => [
        o.vendor,
        cap(o.tier),
        o.due,
        String(o.daysOverdue),
        o.status.replace("_", " "),
      ]),
    }),
    ...tableSection({
      key: "oldest",
      title: "Oldest open findings",
      empty: "No open findings.",
      marginTop: 10,
      columns: [
        { title: "Vendor", flex: 2.4 },
        { title: "Finding", flex: 4 },
        { title: "Severity", flex: 1.4 },
        { title: "Due", flex: 1.4 },
        { title: "Status", flex: 1.4 },
      ],
      rows: r.oldestFindings.map((f) => [
        f.vendor,
        f.title,
        { text: f.severity, node: <SeverityBadge severity={f.severity} /> },
        f.due,
        f.status.replace("_", " "),
      ]),
    }),
  ];
  return {
    pages: flowPages({ capacity, sections: [overview, attention] }),
  };
}

export type TPortfolioReportDocProps = {
  report: TPortfolioReport;
  plan: TPortfolioPlan;
  numbering: TNumbering;
};

export function PortfolioReportDoc({ report: r, plan, numbering }: TPortfolioReportDocProps) {
  return (
    <Document title={`${r.orgName} vendor resilience portfolio`} author="Resilience Ledger">
      <ReportPages
        pages={plan.pages}
        numbering={numbering}
        running={`${r.orgName} · Vendor resilience portfolio`}
        generatedAt={r.generatedAt}
        asOf={r.asOf}
      />
    </Document>
  );
}
