import { describe, expect, test } from "vitest";
import { parseVendorFilters } from "@/lib/data/dashboard/filters";

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
