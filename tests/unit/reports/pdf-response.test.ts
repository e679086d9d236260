import { describe, expect, it } from "vitest";
import { reportFileName } from "@/lib/reports/pdf-response";

describe("reportFileName", () => {
  it("makes ASCII file names from any vendor name", () => {
    expect(
      reportFileName({ name: 'Zürich Süd AG / "Ops"', kind: "bcdr-report", date: "2026-03-01" }),
    ).toBe("zurich-sud-ag-ops-bcdr-report-2026-03-01.pdf");
    expect(reportFileName({ name: "東京", kind: "portfolio", date: "2026-03-01" })).toBe(
      "report-portfolio-2026-03-01.pdf",
    );
  });
});
