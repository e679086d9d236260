import { describe, expect, test } from "vitest";
import { formatDate, formatMonth } from "@/lib/dates";

// The one date format (lib/dates.ts): the dashboard printed "1 Mar 2026" while every other
// page, the engine's explanations and the PDFs printed "2026-03-01".
describe("formatDate", () => {
  test("a calendar day in UTC, whatever the time of day or the input's form", () => {
    expect(formatDate(new Date("2026-03-01T00:00:00Z"))).toBe("2026-03-01");
    expect(formatDate(new Date("2026-03-01T23:59:59Z"))).toBe("2026-03-01");
    expect(formatDate("2026-03-01T12:00:00.000Z")).toBe("2026-03-01");
    expect(formatDate("2026-03-01")).toBe("2026-03-01");
  });

  test("nothing to show reads as the caller's word, or an em dash", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate(undefined, { empty: "never" })).toBe("never");
    expect(formatDate("not a date", { empty: "no date" })).toBe("no date");
  });
});

describe("formatMonth", () => {
  test("chart axes: short month, with or without the year", () => {
    expect(formatMonth("2026-03-01T00:00:00Z")).toBe("Mar 26");
    expect(formatMonth(new Date("2026-12-31T23:00:00Z"), { year: false })).toBe("Dec");
  });
});
