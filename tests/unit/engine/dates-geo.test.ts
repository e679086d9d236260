import { describe, expect, it } from "vitest";
import {
  addCalendarMonths,
  distanceKm,
  formatIsoDate,
  getAgeInMonths,
  isOlderThanMonths,
  isSamePlace,
  parseIsoDate,
} from "@/lib/rules";
import { north } from "@/tests/unit/engine/helpers";

const d = (text: string) => {
  const date = parseIsoDate({ text });
  if (!date) throw new Error(text);
  return date;
};
const plus = (text: string, months: number) =>
  formatIsoDate({ date: addCalendarMonths({ date: d(text), months }) });
const older = (date: string, asOf: string, months: number) =>
  isOlderThanMonths({ date: d(date), asOf: d(asOf), months });

describe("dates", () => {
  it("parses real dates only", () => {
    expect(parseIsoDate({ text: "2024-02-29" })).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of [
      "2021-13-45",
      "2021-02-30",
      "2023-02-29",
      "1900-02-29",
      "2021-04-31",
      "2021-1-01",
      "20210101",
      "2021-00-10",
      "0000-01-01",
      " 2021-01-01",
    ]) {
      expect(parseIsoDate({ text: bad }), bad).toBeNull();
    }
    expect(parseIsoDate({ text: "2000-02-29" })).not.toBeNull();
  });

  it("adds calendar months with month-end clamping", () => {
    expect(plus("2025-01-31", 1)).toBe("2025-02-28");
    expect(plus("2024-01-31", 1)).toBe("2024-02-29");
    expect(plus("2025-01-31", 2)).toBe("2025-03-31");
    expect(plus("2025-03-31", 1)).toBe("2025-04-30");
    expect(plus("2024-02-29", 12)).toBe("2025-02-28");
    expect(plus("2025-11-15", 3)).toBe("2026-02-15");
  });

  it("is older than N months exactly from date + N months on", () => {
    expect(older("2025-03-15", "2026-03-14", 12)).toBe(false);
    expect(older("2025-03-15", "2026-03-15", 12)).toBe(true);
    expect(older("2025-01-31", "2025-02-27", 1)).toBe(false);
    expect(older("2025-01-31", "2025-02-28", 1)).toBe(true);
    expect(older("2024-02-29", "2025-02-27", 12)).toBe(false);
    expect(older("2024-02-29", "2025-02-28", 12)).toBe(true);
  });

  it("counts a future date as age 0", () => {
    expect(getAgeInMonths({ date: d("2030-01-01"), asOf: d("2026-11-01") })).toBe(0);
    expect(getAgeInMonths({ date: d("2026-11-01"), asOf: d("2026-11-01") })).toBe(0);
    expect(getAgeInMonths({ date: d("2025-03-01"), asOf: d("2026-11-01") })).toBe(20);
  });
});

describe("geo", () => {
  it("uses haversine on a 6371.0088 km sphere", () => {
    // One degree of latitude is 2 * pi * R / 360.
    expect(distanceKm({ from: { lat: 0, lon: 0 }, to: { lat: 1, lon: 0 } })).toBeCloseTo(
      111.19508,
      4,
    );
    expect(distanceKm({ from: { lat: 0, lon: 0 }, to: { lat: 0, lon: 180 } })).toBeCloseTo(
      Math.PI * 6371.0088,
      6,
    );
    const fra = { lat: 50.1109, lon: 8.6821 };
    const dub = { lat: 53.3498, lon: -6.2603 };
    expect(distanceKm({ from: fra, to: dub })).toBeCloseTo(1087.83, 1);
  });

  it("treats < 1 km or a shared non-empty facility as the same place", () => {
    const a = { lat: 10, lon: 10 };
    expect(isSamePlace({ a, b: { lat: north(10, 0.99), lon: 10 } })).toBe(true);
    expect(isSamePlace({ a, b: { lat: north(10, 1.01), lon: 10 } })).toBe(false);
    const far = { lat: 40, lon: 10 };
    expect(isSamePlace({ a: { ...a, facility: "PA-1" }, b: { ...far, facility: " pa-1 " } })).toBe(
      true,
    );
    expect(isSamePlace({ a: { ...a, facility: "" }, b: { ...far, facility: "" } })).toBe(false);
    expect(isSamePlace({ a: { ...a, facility: "  " }, b: { ...far, facility: "  " } })).toBe(false);
    expect(isSamePlace({ a: { ...a, facility: "PA-1" }, b: { ...far, facility: "PA-2" } })).toBe(
      false,
    );
  });
});
