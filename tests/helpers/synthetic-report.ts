import { buildDistanceRows, buildSiteMapData } from "@/lib/reports/site-map-data";
import type { TAssessmentReport, TPortfolioReport, TReportSeverity } from "@/lib/reports/types";
import type { TSite } from "@/lib/rules/types";
import { REPORT_SITES } from "./sites";

// In-memory report data for the benchmark and tests: `rows` answer rows and `rows` flags,
// with Unicode a vendor might type, and no database.

const SEVERITIES: TReportSeverity[] = ["critical", "high", "medium", "low", "info"];

export type TBuildSyntheticReportInput = {
  rows: number;
  /** The answered sites (map and distance table); three by default. */
  sites?: TSite[];
};

export function buildSyntheticReport({
  rows,
  sites = REPORT_SITES,
}: TBuildSyntheticReportInput): TAssessmentReport {
  const sections = Array.from({ length: Math.ceil(rows / 25) }, (_, s) => ({
    id: `section_${s}`,
    title: `Section ${s + 1}: continuity controls`,
    rows: Array.from({ length: Math.min(25, rows - s * 25) }, (_, i) => ({
      questionId: `q_${s}_${i}`,
      label: `Question ${s * 25 + i + 1}: how often is the recovery procedure for this system tested?`,
      answer:
        i % 3 === 0
          ? "Quarterly, with a full failover to the secondary site (Zürich Süd, 東京)"
          : "Yes",
      flagged: i % 7 === 0,
    })),
  }));
  return {
    kind: "assessment",
    assessmentId: "synthetic",
    vendor: {
      name: "Nordlicht Cloud GmbH",
      tier: "critical",
      services: ["Core banking"],
      website: null,
    },
    questionnaire: { title: "BC/DR core questionnaire", version: "v1" },
    status: "submitted",
    rating: "high",
    score: 42,
    dates: {
      generatedAt: "2026-03-01 09:00 UTC",
      asOf: "2026-03-01",
      sent: "2026-02-01",
      due: "2026-02-20",
      submitted: "2026-02-18",
      decided: null,
      nextReassessment: null,
    },
    topRisks: ["Sites too close together (critical)", "Backups share credentials (high)"],
    severityCounts: {
      critical: rows / 5,
      high: rows / 5,
      medium: rows / 5,
      low: rows / 5,
      info: rows / 5,
    },
    requirements: [
      { label: "Recovery time (RTO)", required: "at most 4 h", answered: "8 h", met: false },
      {
        label: "Site separation (primary to secondary)",
        required: "at least 50 km",
        answered: "0.1 km",
        met: false,
      },
    ],
    flags: Array.from({ length: rows }, (_, i) => ({
      id: `f${i}`,
      code: "SITE_SEPARATION_INSUFFICIENT",
      severity: SEVERITIES[i % 5] ?? "info",
      title: `Flag ${i + 1}: primary and secondary sites are 0.1 km apart`,
      detail:
        "Frankfurt Ost (primary) and Frankfurt Nord (secondary) are 0.1 km apart; the requirement is at least 50 km. A regional outage would take both down.",
      answers: [
        {
          questionId: "sites",
          label: "Sites",
          answer: "Frankfurt Ost (s1, primary); Frankfurt Nord (s2, secondary)",
        },
      ],
    })),
    siteMap: buildSiteMapData({ sites }),
    siteAnswers: { sites, minSeparationKm: 50 },
    ...(({ rows, note }) => ({ distances: rows, distancesNote: note }))(
      buildDistanceRows({ sites, minSeparationKm: 50 }),
    ),
    sections,
    evidence: [
      {
        fileName: "dr-test-2025.pdf",
        question: "Last DR test",
        evidenceDate: "2025-11-02",
        uploaded: "2026-02-10",
        size: "220 KB",
      },
    ],
    findings: [
      {
        title: "Move the secondary site",
        severity: "critical",
        status: "open",
        owner: "Dana Risk",
        due: "2026-06-30",
        note: "",
      },
    ],
    signOff: { decision: "pending", decidedBy: null, decidedAt: null, comment: null },
  };
}

export type TBuildSyntheticPortfolioInput = { overdue?: number; findings?: number };

/** An in-memory portfolio report (no database) for tests and for looking at the PDF. */
export function buildSyntheticPortfolio({
  overdue = 25,
  findings = 15,
}: TBuildSyntheticPortfolioInput = {}): TPortfolioReport {
  const tiers = ["critical", "high", "medium", "low"];
  return {
    kind: "portfolio",
    orgName: "Demo Bank AG",
    generatedAt: "2026-03-01 09:00 UTC",
    asOf: "2026-03-01",
    scope: null,
    totals: { vendors: 412, assessments: 1236, openFindings: 87, overdue },
    tiers,
    ratingByTier: [...SEVERITIES, "unrated"].map((rating, i) => {
      const counts = Object.fromEntries(tiers.map((t, j) => [t, (i + 1) * (j + 2)]));
      return { rating, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
    }),
    topFlags: [
      ["SITE_SEPARATION_INSUFFICIENT", "Site separation insufficient", 41],
      ["DR_TEST_STALE", "DR test older than 12 months", 33],
      ["RTO_ABOVE_REQUIREMENT", "Recovery time above the requirement", 27],
      ["BACKUP_SAME_CREDENTIALS", "Backups reachable with production credentials", 12],
      ["SINGLE_PROVIDER", "All sites with one hosting provider", 9],
    ].map(([code, title, count]) => ({
      code: String(code),
      title: String(title),
      count: Number(count),
    })),
    overdue: Array.from({ length: overdue }, (_, i) => ({
      vendor: i % 7 === 3 ? `Москва Облако АО ${i + 1}` : `Vendor ${i + 1} Zürich Süd GmbH`,
      tier: tiers[i % 4] ?? "low",
      due: "2026-02-01",
      daysOverdue: 28 + i,
      status: i % 2 ? "sent" : "in_progress",
    })),
    openFindings: SEVERITIES.map((severity, i) => ({ severity, count: 5 * (i + 1) })),
    vendors: Array.from({ length: 12 }, (_, i) => ({
      name: `Vendor ${i + 1} Zürich Süd GmbH`,
      tier: tiers[i % 4] ?? "low",
      rating: SEVERITIES[i % 5] ?? "low",
      score: String(40 + i),
      openFindings: i % 3,
    })),
    vendorsTotal: 412,
    oldestFindings: Array.from({ length: findings }, (_, i) => ({
      vendor: `Vendor ${i + 1} Zürich Süd GmbH`,
      title: `Finding ${i + 1}: move the secondary site to another region`,
      severity: SEVERITIES[i % 5] ?? "info",
      due: "2026-01-15",
      status: i % 2 ? "open" : "in_progress",
    })),
  };
}
