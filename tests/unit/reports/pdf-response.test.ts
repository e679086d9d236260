import { describe, expect, it } from "vitest";
import { renderFailureResponse, reportFileName } from "@/lib/reports/pdf-response";
import { RenderLimitError, RenderQueueFullError } from "@/lib/reports/render-pool";

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

describe("renderFailureResponse", () => {
  it("answers 429 with Retry-After for a full share and 503 past a limit, saying why", async () => {
    const full = renderFailureResponse(new RenderQueueFullError("You already have 3 reports…"));
    expect(full.status).toBe(429);
    expect(full.headers.get("Retry-After")).toBe("30");
    expect(await full.json()).toEqual({ error: "You already have 3 reports…" });
    const slow = renderFailureResponse(new RenderLimitError("The report took longer than 60 s…"));
    expect(slow.status).toBe(503);
    expect(await slow.json()).toEqual({ error: "The report took longer than 60 s…" });
    expect(() => renderFailureResponse(new Error("other"))).toThrow("other");
  });
});
