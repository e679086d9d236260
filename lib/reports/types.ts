// The report as plain, serialisable data: built on the request thread (lib/reports), sent to a
// worker as-is (structured clone) and rendered there (components/pdf) or as HTML (print view).

import type { TSite } from "@/lib/rules/types";

export type TReportSeverity = "critical" | "high" | "medium" | "low" | "info";

export type TReportFlag = {
  id: string;
  code: string;
  severity: TReportSeverity;
  title: string;
  detail: string;
  /** The answers the flag names: question label and the answer in words. */
  answers: { questionId: string; label: string; answer: string }[];
};

export type TRequirementRow = {
  label: string;
  required: string;
  answered: string;
  /** null when the vendor's answer cannot be judged (unanswered). */
  met: boolean | null;
};

export type TAnswerRow = { questionId: string; label: string; answer: string; flagged: boolean };

export type TSiteMapMarker = { id: string; x: number; y: number; kind: string; color: string };

export type TSiteMapData = {
  width: number;
  height: number;
  sphere: string;
  land: string;
  borders: string;
  arcs: { d: string; label: string; mid: [number, number] | null }[];
  markers: TSiteMapMarker[];
  labels: { text: string; x: number; y: number; anchor: "start" | "end" }[];
  legend: { kind: string; label: string; color: string }[];
};

export type TDistanceRow = { from: string; to: string; distance: string; note: string };

export type TAssessmentReport = {
  kind: "assessment";
  assessmentId: string;
  vendor: { name: string; tier: string; services: string[]; website: string | null };
  questionnaire: { title: string; version: string };
  status: string;
  rating: TReportSeverity | null;
  score: number | null;
  /** YYYY-MM-DD, or null where the event has not happened. */
  dates: {
    generatedAt: string;
    asOf: string | null;
    sent: string | null;
    due: string | null;
    submitted: string | null;
    decided: string | null;
    nextReassessment: string | null;
  };
  topRisks: string[];
  severityCounts: Record<TReportSeverity, number>;
  requirements: TRequirementRow[];
  flags: TReportFlag[];
  siteMap: TSiteMapData | null;
  /**
   * The sites answer as given, for the print view's map and distance table: the same view
   * the portal and the review page show (components/questionnaire/sites-overview.tsx).
   */
  siteAnswers: { sites: TSite[]; backupIds?: string[]; minSeparationKm?: number };
  distances: TDistanceRow[];
  /** What the distance table lists (lib/geo/distance-pairs.ts), shown above it. */
  distancesNote: string;
  sections: { id: string; title: string; rows: TAnswerRow[] }[];
  evidence: {
    fileName: string;
    question: string;
    evidenceDate: string;
    uploaded: string;
    size: string;
  }[];
  findings: {
    title: string;
    severity: TReportSeverity;
    status: string;
    owner: string;
    due: string;
    note: string;
  }[];
  signOff: {
    decision: string;
    decidedBy: string | null;
    decidedAt: string | null;
    comment: string | null;
  };
};

export type TPortfolioReport = {
  kind: "portfolio";
  orgName: string;
  generatedAt: string;
  asOf: string;
  /** The dashboard filters the report is narrowed to, in words; null: every active vendor. */
  scope: string | null;
  totals: { vendors: number; assessments: number; openFindings: number; overdue: number };
  /** Vendors by their latest rating (rows) and tier (columns). */
  ratingByTier: { rating: string; counts: Record<string, number>; total: number }[];
  tiers: string[];
  topFlags: { code: string; title: string; count: number }[];
  overdue: { vendor: string; tier: string; due: string; daysOverdue: number; status: string }[];
  openFindings: { severity: TReportSeverity; count: number }[];
  /** The vendors in scope, as the dashboard sorts them, up to a bound; `vendorsTotal` in all. */
  vendors: { name: string; tier: string; rating: string; score: string; openFindings: number }[];
  vendorsTotal: number;
  oldestFindings: {
    vendor: string;
    title: string;
    severity: TReportSeverity;
    due: string;
    status: string;
  }[];
};

export type TReport = TAssessmentReport | TPortfolioReport;

export const SEVERITY_ORDER: readonly TReportSeverity[] = [
  "critical",
  "high",
  "medium",
  "low",
  "info",
];
