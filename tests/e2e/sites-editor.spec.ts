import { expect, test } from "@playwright/test";

// Guards against the sites editor's city search failing the vendor: through the real server and
// without a session (the vendor portal that hosts the editor has no account), it must find
// cities with their coordinates and narrow by country. (The editor page is tested with the portal.)

test.describe("city search API", () => {
  test("finds Sacramento, US with coordinates, without signing in", async ({ request }) => {
    const res = await request.get("/api/cities?q=Sacramento");
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toBe("public, max-age=86400");
    const { data } = (await res.json()) as {
      data: { name: string; country: string; lat: number; lon: number; population: number }[];
    };
    const sacramento = data.find((c) => c.name === "Sacramento" && c.country === "US");
    expect(sacramento, JSON.stringify(data)).toBeDefined();
    expect(sacramento!.lat).toBeCloseTo(38.58, 1);
    expect(sacramento!.lon).toBeCloseTo(-121.49, 1);
    expect(data[0]).toMatchObject({ name: "Sacramento", country: "US" });
  });

  test('narrows by country with "name, CC"', async ({ request }) => {
    const res = await request.get(`/api/cities?q=${encodeURIComponent("Dublin, US")}`);
    const { data } = (await res.json()) as { data: { country: string }[] };
    expect(data.length).toBeGreaterThan(0);
    for (const city of data) expect(city.country).toBe("US");
  });

  for (const url of ["/api/cities?q=", "/api/cities", `/api/cities?q=${"x".repeat(81)}`]) {
    test(`refuses ${url.slice(0, 20)}… with a 400 naming q`, async ({ request }) => {
      const res = await request.get(url);
      expect(res.status()).toBe(400);
      const body = (await res.json()) as { error: string };
      expect(body.error).toMatch(/\bq\b/);
    });
  }
});
