import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderReportPdfDetailed } from "@/components/pdf/render";
import { pdfPageSizes } from "@/lib/reports/chunk";
import { buildSyntheticPortfolio, buildSyntheticReport } from "../../../helpers/synthetic-report";

// The real renderer (react-pdf, in this thread) and poppler's pdftotext on its output.

function pdfText(pdf: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pdf-render-")), "r.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { maxBuffer: 64 << 20 }).toString();
}

const pageNumbers = (text: string) =>
  [...text.matchAll(/Page (\d+) of (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe("assessment PDF", () => {
  it("lays every planned page out once, numbered statically, with every row and flag", async () => {
    const report = buildSyntheticReport({ rows: 120 });
    report.vendor.name = "Москва Облако АО";
    const first = report.sections[0]?.rows[0];
    if (first) first.answer = "Да — Zürich Süd";
    const res = await renderReportPdfDetailed({ report });
    expect(res.rerendered).toBe(false);
    expect(res.pages).toBe(res.plannedPages);
    expect(pdfPageSizes(res.pdf).every((p) => Math.abs(p.height - 841.89) < 0.5)).toBe(true);

    const text = pdfText(res.pdf);
    expect(pageNumbers(text)).toEqual(
      Array.from({ length: res.pages }, (_, i) => [i + 1, res.pages]),
    );
    for (let i = 1; i <= 120; i++) {
      expect(text).toContain(`Flag ${i}: primary and secondary`);
      expect(text).toContain(`Question ${i}: how often`);
    }
    // Non-Latin text through the fallback fonts: Cyrillic in DejaVu Sans, CJK in Noto Sans SC.
    expect(text).toContain("Москва Облако АО");
    expect(text).toContain("Да — Zürich Süd");
    expect(text).toContain("(Zürich Süd,");
    expect(text).toContain("東京)");
    expect(text).not.toContain("\uFFFD");
    expect(text).toContain("Sign-off");
  });

  it("renders again with dynamic page numbers when a planned page overflows", async () => {
    const report = buildSyntheticReport({ rows: 40 });
    const progress: number[] = [];
    // A plan that fills pages past their height: each such page spills onto another.
    const res = await renderReportPdfDetailed({
      report,
      plan: { capacity: 1400 },
      onProgress: (p) => progress.push(p),
    });
    expect(res.rerendered).toBe(true);
    expect(res.pages).toBeGreaterThan(res.plannedPages);
    const text = pdfText(res.pdf);
    expect(pageNumbers(text)).toEqual(
      Array.from({ length: res.pages }, (_, i) => [i + 1, res.pages]),
    );
    for (let i = 1; i <= 40; i++) expect(text).toContain(`Question ${i}: how often`);
    expect(progress.length).toBeGreaterThan(3);
  });

  it("reports progress while the layout sets the text", async () => {
    const progress: number[] = [];
    await renderReportPdfDetailed({
      report: buildSyntheticReport({ rows: 60 }),
      onProgress: (p) => progress.push(p),
    });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeGreaterThan(0.5);
    expect(progress.at(-1)).toBeLessThanOrEqual(0.9);
  });
});

describe("portfolio PDF", () => {
  it("has the overview, the overdue list and the oldest findings, numbered", async () => {
    const res = await renderReportPdfDetailed({ report: buildSyntheticPortfolio({ overdue: 40 }) });
    expect(res.rerendered).toBe(false);
    const text = pdfText(res.pdf);
    expect(text).toContain("Vendor resilience portfolio");
    expect(text).toContain("Site separation insufficient");
    expect(text).toContain("Overdue assessments (40)");
    expect(text).toContain("Overdue assessments (continued)");
    expect(text).toContain("Vendor 40 Zürich Süd GmbH");
    expect(text).toContain("Москва Облако АО 4");
    expect(text).toContain("Finding 15: move the secondary site");
    expect(pageNumbers(text).at(-1)).toEqual([res.pages, res.pages]);
  });
});
