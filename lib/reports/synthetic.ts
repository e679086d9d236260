import { buildDistanceRows, buildSiteMapData } from "./site-map-data";
import type { TAssessmentReport, TReportSeverity } from "./types";

// In-memory report data for the benchmark and tests: `rows` answer rows and `rows` flags,
// with Unicode a vendor might type, and no database.

const SEVERITIES: TReportSeverity[] = ["critical", "high", "medium", "low", "info"];
const SITES = [
  {
    id: "s1",
    name: "Frankfurt Ost",
    role: "primary" as const,
    provider: "Equinix",
    city: "Frankfurt",
    country: "DE",
    lat: 50.11,
    lon: 8.68,
  },
  {
    id: "s2",
    name: "Frankfurt Nord",
    role: "secondary" as const,
    provider: "Equinix",
    city: "Frankfurt",
    country: "DE",
    lat: 50.1109,
    lon: 8.6813,
  },
  {
    id: "s3",
    name: "Zürich Süd",
    role: "backup" as const,
    provider: "Green",
    city: "Zürich",
    country: "CH",
    lat: 47.37,
    lon: 8.54,
  },
];

export type TBuildSyntheticReportInput = { rows: number };

export function buildSyntheticReport({ rows }: TBuildSyntheticReportInput): TAssessmentReport {
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
    siteMap: buildSiteMapData({ sites: SITES }),
    distances: buildDistanceRows({ sites: SITES, minSeparationKm: 50 }),
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
