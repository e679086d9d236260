import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderReportPdfDetailed } from "@/components/pdf/render";
import { parseVendorFilters } from "@/lib/data/dashboard";
import { loadPortfolioReport } from "@/lib/reports/portfolio-data";
import { flagTitle } from "@/lib/rules/flag-titles";
import { ensureSeedQuestionnaireVersion } from "@/prisma/seed";
import { createOrgWithUsers, setupFreshDatabase } from "../db";

// The portfolio PDF narrowed by the dashboard's filters: rendered for real and read back with
// poppler's pdftotext. Guards against a cross-tenant leak too: org B's vendor matches the
// same filters and must never appear.

const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "pdf-a");
const b = await createOrgWithUsers(prisma, "pdf-b");
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);

function pdfText(pdf: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portfolio-")), "r.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { maxBuffer: 64 << 20 }).toString();
}

type TTier = "critical" | "high";
type TRated = "critical" | "low";

async function vendor(orgId: string, name: string, tier: TTier, rating: TRated) {
  const qv = await ensureSeedQuestionnaireVersion({ prisma });
  const v = await prisma.vendor.create({ data: { orgId, name, tier } });
  const base = { orgId, vendorId: v.id, questionnaireVersionId: qv.id, requirements: { tier } };
  await prisma.assessment.create({
    data: {
      ...base,
      status: "accepted",
      submittedAt: day(-30),
      score: 50,
      rating,
      // A title stored by an older engine: the report names the flag by the engine's title.
      flags: { create: [{ code: "SINGLE_SITE", severity: "high", title: "t", detail: "d" }] },
    },
  });
  // Each vendor also has an overdue questionnaire and an open finding, so it is named in
  // every section of the report that names vendors.
  await prisma.assessment.create({ data: { ...base, status: "sent", dueDate: day(-4) } });
  await prisma.finding.create({
    data: {
      orgId,
      vendorId: v.id,
      title: `Finding of ${name}`,
      description: "d",
      severity: "high",
      dueDate: day(10),
    },
  });
  return v;
}

const NAMES = {
  inScope: "Kestrel Payments",
  otherRating: "Lowland Hosting",
  otherTier: "Highfield Cloud",
  otherOrg: "Foreign Critical Corp",
};

beforeAll(async () => {
  await vendor(a.org.id, NAMES.inScope, "critical", "critical");
  await vendor(a.org.id, NAMES.otherRating, "critical", "low");
  await vendor(a.org.id, NAMES.otherTier, "high", "critical");
  await vendor(b.org.id, NAMES.otherOrg, "critical", "critical");
});

const render = async (params: Record<string, string>) => {
  const report = await loadPortfolioReport({
    orgId: a.org.id,
    filters: parseVendorFilters({ params }),
  });
  return { report, text: pdfText((await renderReportPdfDetailed({ report })).pdf) };
};

describe("portfolio PDF with the dashboard's filters", () => {
  it("unfiltered: every vendor of the organisation, none of another's", async () => {
    const { report, text } = await render({});
    expect(text).toContain("All active vendors");
    for (const name of [NAMES.inScope, NAMES.otherRating, NAMES.otherTier])
      expect(text).toContain(name);
    expect(text).not.toContain(NAMES.otherOrg);
    expect(report.totals).toEqual({ vendors: 3, assessments: 6, openFindings: 3, overdue: 3 });
  });

  it("tier critical and rating critical: only that vendor, in every section", async () => {
    const { report, text } = await render({ tier: "critical", rating: "critical" });
    expect(text).toContain("Vendors in this report: Tier: critical · Rating: critical");
    expect(text).toContain(NAMES.inScope);
    expect(text).toContain(`Finding of ${NAMES.inScope}`);
    for (const name of [NAMES.otherRating, NAMES.otherTier, NAMES.otherOrg])
      expect(text).not.toContain(name);
    expect(report.totals).toEqual({ vendors: 1, assessments: 2, openFindings: 1, overdue: 1 });
    expect(report.topFlags).toEqual([
      { code: "SINGLE_SITE", title: flagTitle("SINGLE_SITE"), count: 1 },
    ]);
    expect(text).toContain("SINGLE_SITE");
    expect(report.vendors.map((v) => v.name)).toEqual([NAMES.inScope]);
    expect(report.overdue.map((o) => o.vendor)).toEqual([NAMES.inScope]);
    expect(report.oldestFindings.map((f) => f.vendor)).toEqual([NAMES.inScope]);
    const counts = report.ratingByTier.find((r) => r.rating === "critical")?.counts;
    expect(counts).toEqual({ critical: 1 });
  });

  it("a filter no vendor matches gives an empty report, not the whole portfolio", async () => {
    const { report, text } = await render({ tier: "low" });
    expect(report.totals.vendors).toBe(0);
    expect(text).toContain("No vendor matches.");
    for (const name of Object.values(NAMES)) expect(text).not.toContain(name);
  });
});
