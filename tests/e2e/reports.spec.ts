// Guards against reports leaking or lying: the PDFs carry the engine's findings and figures,
// every download is audited, and the report routes answer 401 signed out, 403 to a role without
// report:export and 404 for another organisation's assessment.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIResponse } from "@playwright/test";
import { REPORT_SITES as SITES } from "../helpers/sites";
import { DEMO_USERS, expect, signIn, test } from "./fixtures";

type TDb = Parameters<Parameters<typeof test>[2]>[0]["db"];

/** A submitted, judged assessment with flags, written straight into the database. */
async function createJudgedAssessment(
  db: TDb,
  { orgId, vendorName }: { orgId: string; vendorName: string },
) {
  const qv = await db.questionnaireVersion.findFirstOrThrow({ where: { key: "bcdr-core" } });
  const vendor = await db.vendor.create({
    data: { orgId, name: vendorName, tier: "critical", services: ["Payments"] },
  });
  return db.assessment.create({
    data: {
      orgId,
      vendorId: vendor.id,
      questionnaireVersionId: qv.id,
      requirements: { tier: "critical" },
      status: "submitted",
      submittedAt: new Date(),
      asOfDate: new Date("2026-03-01T00:00:00Z"),
      rating: "critical",
      score: 31,
      answers: {
        create: [
          { questionId: "sites", value: SITES, updatedByKind: "vendor" },
          { questionId: "rto_minutes", value: 480, updatedByKind: "vendor" },
          { questionId: "dr_test_last_date", value: "2023-05-01", updatedByKind: "vendor" },
        ],
      },
      flags: {
        create: [
          {
            code: "SITE_SEPARATION_INSUFFICIENT",
            severity: "critical",
            title: "Primary and secondary sites are 0.1 km apart",
            detail: "Frankfurt Ost (primary) and Frankfurt Nord (secondary) are 0.1 km apart.",
            questions: ["sites"],
          },
          {
            code: "DR_TEST_STALE",
            severity: "high",
            title: "The last DR test is 34 months old",
            detail: "The last DR test was on 2023-05-01.",
            questions: ["dr_test_last_date"],
          },
        ],
      },
    },
  });
}

function pdfText(body: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "report-")), "r.pdf");
  fs.writeFileSync(file, body);
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString();
}

async function expectPdf(res: APIResponse) {
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.pdf"$/);
  expect(res.headers()["cache-control"]).toContain("no-store");
  return pdfText(await res.body());
}

test("managers download assessment and portfolio PDFs; others are refused", async ({
  page,
  db,
}) => {
  const manager = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.manager.email } });
  const tag = Date.now();
  const a = await createJudgedAssessment(db, {
    orgId: manager.orgId,
    vendorName: `Nordlicht Cloud ${tag}`,
  });

  await signIn(page, DEMO_USERS.manager);
  const text = await expectPdf(await page.request.get(`/api/assessments/${a.id}/report.pdf`));
  expect(text).toContain(`Nordlicht Cloud ${tag}`);
  // Flags are named by the engine's title for their code, whatever title was stored with them.
  expect(text).toContain("Primary and secondary sites are too close");
  expect(text).toContain("The last disaster-recovery exercise is too old");
  expect(text).not.toContain("The last DR test is 34 months old");
  expect(text).toContain("0.1 km");
  expect(text).toContain("Zürich Süd");
  expect(text).toMatch(/CRITICAL/);
  expect(text).toMatch(/Page 1 of \d+/);
  const audited = await db.auditEvent.count({
    where: { action: "report.downloaded", targetId: a.id },
  });
  expect(audited).toBe(1);

  const portfolio = await expectPdf(await page.request.get("/api/reports/portfolio.pdf"));
  expect(portfolio).toContain("Vendor resilience portfolio");
  // Each of the most frequent flags by the engine's title, the code beside it (not the code
  // spelled out as words, as before).
  const flagRows = [...portfolio.matchAll(/^\s+(\S.*?\S)\s{2,}([A-Z][A-Z_]{4,})\s+\d+/gm)];
  expect(flagRows.length).toBeGreaterThan(3);
  for (const [, title, code] of flagRows)
    expect(title!.toUpperCase().replace(/[^A-Z]+/g, "_")).not.toBe(code);

  // The review page's button: a render job with a progress bar, then the file.
  await page.goto(`/assessments/${a.id}`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download PDF report" }).click();
  expect((await download).suggestedFilename()).toMatch(
    /^nordlicht-cloud-\d+-bcdr-report-2026-03-01\.pdf$/,
  );

  await page.getByRole("link", { name: "Print view" }).click();
  await page.waitForURL(`**/assessments/${a.id}/print`);
  await expect(
    page.getByRole("heading", { name: `Nordlicht Cloud ${tag}`, exact: true }),
  ).toBeVisible();
  await expect(page.getByText("Primary and secondary sites are too close").first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "0.1 km" })).toBeVisible();
  fs.mkdirSync("test-results/screens", { recursive: true });
  await page.screenshot({ path: "test-results/screens/report-print.png", fullPage: true });
});

test("report routes: 401 signed out, 403 for procurement, 404 across organisations", async ({
  page,
  db,
  playwright,
}) => {
  // Guards against cross-tenant export: another organisation's assessment id must not render.
  const other = await db.organization.create({
    data: { name: "Other Bank", slug: `other-${Date.now()}` },
  });
  const foreign = await createJudgedAssessment(db, {
    orgId: other.id,
    vendorName: "Foreign Vendor",
  });
  const manager = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.manager.email } });
  const own = await createJudgedAssessment(db, {
    orgId: manager.orgId,
    vendorName: `Own Vendor ${Date.now()}`,
  });

  const anonymous = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  expect((await anonymous.get(`/api/assessments/${own.id}/report.pdf`)).status()).toBe(401);
  expect((await anonymous.get("/api/reports/portfolio.pdf")).status()).toBe(401);
  await anonymous.dispose();

  await signIn(page, DEMO_USERS.procurement);
  expect((await page.request.get(`/api/assessments/${own.id}/report.pdf`)).status()).toBe(403);
  expect((await page.request.get("/api/reports/portfolio.pdf")).status()).toBe(403);
  await page.context().clearCookies();

  await signIn(page, DEMO_USERS.manager);
  expect((await page.request.get(`/api/assessments/${foreign.id}/report.pdf`)).status()).toBe(404);
  const post = await page.request.post(`/api/assessments/${foreign.id}/report-jobs`, {
    headers: { origin: process.env.E2E_BASE_URL ?? "" },
  });
  expect(post.status()).toBe(404);
  const res = await page.goto(`/assessments/${foreign.id}/print`);
  expect(res?.status()).toBe(404);
});
