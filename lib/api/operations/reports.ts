import { z } from "zod";
import { recordAudit } from "../../audit";
import type { TApiCaller } from "../../data/api-tokens";
import { AUDIT_PAGE_SIZE, listAuditEvents, ZAuditFilters } from "../../data/audit";
import { parseVendorFilters } from "../../data/dashboard/filters";
import { assessmentPdf } from "../../reports/kept-reports";
import { loadAssessmentReport } from "../../reports/load-assessment-report";
import {
  downloadResponse,
  renderFailureResponse,
  reportFileName,
} from "../../reports/pdf-response";
import { loadPortfolioReport } from "../../reports/portfolio-data";
import { renderPdf } from "../../reports/render-pool";
import type { TAssessmentReport, TPortfolioReport } from "../../reports/types";
import { apiActor } from "../actor";
import { defineOperation, json } from "../define";

const PDF = { status: 200, mediaType: "application/pdf", description: "The report as a PDF file" };

/** Renders through the app's one render pool (its per-user and per-organisation limits). */
async function pdfDownload({
  caller,
  report,
  fileName,
  target,
}: {
  caller: TApiCaller;
  report: TAssessmentReport | TPortfolioReport;
  fileName: string;
  target: { type: string; id: string };
}) {
  let bytes: Uint8Array;
  const owner = { orgId: caller.orgId, userId: caller.actorId };
  try {
    // An assessment's report: the kept PDF while it prints the same (lib/reports/kept-reports.ts).
    bytes =
      report.kind === "assessment"
        ? await assessmentPdf({ report, owner })
        : await renderPdf({ report, owner });
  } catch (e) {
    return renderFailureResponse(e);
  }
  await recordAudit({
    orgId: caller.orgId,
    actor: apiActor(caller),
    action: "report.downloaded",
    targetType: target.type,
    targetId: target.id,
    data: { fileName, bytes: bytes.byteLength },
  });
  return downloadResponse({ bytes, fileName, contentType: "application/pdf" });
}

export const assessmentReportOp = defineOperation({
  id: "getAssessmentReport",
  method: "GET",
  path: "/assessments/{assessmentId}/report.pdf",
  summary: "Download the assessment's report as a PDF",
  tag: "Reports",
  permission: "report:export",
  response: PDF,
  run: async ({ caller, params }) => {
    const assessmentId = params.assessmentId!;
    const report = await loadAssessmentReport({ orgId: caller.orgId, assessmentId });
    const date = report.dates.asOf ?? new Date().toISOString().slice(0, 10);
    const fileName = reportFileName({ name: report.vendor.name, kind: "bcdr-report", date });
    return pdfDownload({
      caller,
      report,
      fileName,
      target: { type: "assessment", id: assessmentId },
    });
  },
});

export const portfolioReportOp = defineOperation({
  id: "getPortfolioReport",
  method: "GET",
  path: "/reports/portfolio.pdf",
  summary: "Download the portfolio report (every active vendor) as a PDF",
  tag: "Reports",
  permission: "report:export",
  response: PDF,
  run: async ({ caller }) => {
    const report = await loadPortfolioReport({
      orgId: caller.orgId,
      filters: parseVendorFilters({ params: {} }),
    });
    const fileName = reportFileName({ name: report.orgName, kind: "portfolio", date: report.asOf });
    return pdfDownload({
      caller,
      report,
      fileName,
      target: { type: "organization", id: caller.orgId },
    });
  },
});

const ZAuditEventRead = z
  .object({
    id: z.string(),
    createdAt: z.iso.datetime(),
    actorKind: z.enum(["user", "vendor", "system", "api"]),
    actorName: z.string(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    targetName: z.string().nullable(),
    data: z.unknown(),
  })
  .meta({ id: "AuditEvent" });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)");

export const listAuditEventsOp = defineOperation({
  id: "listAuditEvents",
  method: "GET",
  path: "/audit-events",
  summary: `Read the audit log, newest first, ${AUDIT_PAGE_SIZE} events a page (administrators)`,
  tag: "Audit",
  permission: "audit:read",
  query: z.object({
    action: z.string().max(80, "action must be at most 80 characters").optional(),
    from: day.optional(),
    to: day.optional(),
    page: z
      .string()
      .regex(/^[1-9][0-9]{0,4}$/, "page must be a whole number from 1")
      .optional(),
  }),
  response: {
    status: 200,
    schema: z.object({ data: z.array(ZAuditEventRead), page: z.number(), pageCount: z.number() }),
  },
  run: async ({ caller, query }) => {
    const filters = ZAuditFilters.parse(query);
    const { events, pageCount } = await listAuditEvents({ orgId: caller.orgId, filters });
    return json({
      data: events.map((e) => ({
        id: String(e.id),
        createdAt: e.createdAt.toISOString(),
        actorKind: e.actorKind,
        actorName: e.actorName,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        targetName: e.targetName,
        data: e.data,
      })),
      page: filters.page,
      pageCount,
    });
  },
});
