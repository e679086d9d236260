import { describe, expect, it } from "vitest";
import { csvCell, csvLine, guardFormula } from "@/lib/spreadsheets/csv";

// Guards against CSV/formula injection: text a spreadsheet would run as a formula is made inert
// by the one guard every export uses (the vendor CSV, the assessment's CSV and XLSX).

describe("guardFormula", () => {
  it("prefixes text that a spreadsheet would run as a formula", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
      expect(guardFormula(text)).toBe(`'${text}`);
  });

  it("leaves other text as it is", () => {
    for (const text of ["Frankfurt", "1=1", " =x", ""]) expect(guardFormula(text)).toBe(text);
  });
});

describe("csvCell and csvLine", () => {
  it("guard, then quote a cell holding a quote, comma or line break", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-03-31T12:00:00Z"))).toBe("2026-03-31");
    expect(csvLine(["a", 1, "-2"])).toBe("a,1,'-2\r\n");
  });
});
