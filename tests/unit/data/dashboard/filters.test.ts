import { describe, expect, test } from "vitest";
import { parseVendorFilters, safeParseVendorFilters } from "@/lib/data/dashboard/filters";

describe("parseVendorFilters: the owner filter", () => {
  test("keeps a record id", () => {
    expect(parseVendorFilters({ params: { owner: "cmwzsu7x6000abc_-9" } }).ownerId).toBe(
      "cmwzsu7x6000abc_-9",
    );
  });

  test("ignores what no record id looks like: a NUL, a quote, an over-long value", () => {
    for (const owner of ["a\u0000", "x' OR '1'='1", "a".repeat(65), ""])
      expect(parseVendorFilters({ params: { owner } }).ownerId).toBeUndefined();
  });
});

describe("the rating filter and the strict parse the exports use", () => {
  test("a rating, or none for never rated, is kept; anything else ignored by the page", () => {
    expect(parseVendorFilters({ params: { rating: "critical" } }).rating).toBe("critical");
    expect(parseVendorFilters({ params: { rating: "none" } }).rating).toBe("none");
    const lenient = parseVendorFilters({ params: { rating: "worst", tier: "high" } });
    expect([lenient.rating, lenient.tier]).toEqual([undefined, "high"]);
  });

  test("the strict parse names each bad field", () => {
    const bad = safeParseVendorFilters({ params: { rating: "worst", owner: "x' OR 1=1" } });
    expect("fieldErrors" in bad && Object.keys(bad.fieldErrors).sort()).toEqual([
      "owner",
      "rating",
    ]);
    expect("error" in bad && bad.error).toMatch(/rating must be one of: critical, high/);
    const good = safeParseVendorFilters({ params: { tier: "critical", rating: "", page: "3" } });
    expect(good).toEqual({
      filters: { tier: "critical", sort: "rating", dir: "asc", page: 3 },
    });
  });
});
