// Guards against an API reference page whose renderer the app's Content Security Policy
// blocks (a CDN script, eval, an inline script without the nonce): /api/docs must render
// every operation of GET /api/v1/openapi.json in a real browser with no CSP violation, pass
// the accessibility checks, and the API must refuse a call without a token with 401.
import { expect, expectAccessible, test } from "./fixtures";

test("the API reference renders the OpenAPI document under the CSP", async ({ page, request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, object> };
  expect(doc.openapi).toBe("3.1.0");
  const refused = await request.get("/api/v1/vendors");
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");

  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content[- ]Security[- ]Policy|unsafe-eval/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  // Every path of the document shows as an operation of the reference.
  await expect(page.locator(".opblock")).toHaveCount(
    Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0),
  );
  await expect(page.getByText("/vendors/{vendorId}/contacts").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  const seen = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect([...seen, ...violations]).toEqual([]);
  await expectAccessible(page);
});
