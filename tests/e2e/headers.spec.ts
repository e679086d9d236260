// Guards against cross-site scripting (CSP with per-request nonces), clickjacking
// (frame-ancestors), MIME sniffing, vendor tokens leaking through the Referer header and
// confidential pages being kept in shared caches.
import type { APIResponse, Page } from "@playwright/test";
import { createVendorLink, DEMO_USERS, expect, signIn, test } from "./fixtures";
import { rawRequest, TRUSTED_PROXY } from "./raw-http";

/** A fresh, valid vendor link on a demo vendor. */

function expectSecurityHeaders(res: APIResponse, { vendor = false } = {}) {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  for (const d of [
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
  ])
    expect(csp).toContain(d);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe(vendor ? "no-referrer" : "strict-origin-when-cross-origin");
  expect(h["cache-control"]).toContain("no-store");
  expect(h["strict-transport-security"]).toBeUndefined();
}

test("security headers on the login page, a staff page, a vendor page, APIs and static files", async ({
  page,
  db,
}) => {
  const login = await page.request.get("/login");
  expectSecurityHeaders(login);
  // Next.js put the request's nonce on its own scripts, and every script carries it.
  const nonce = /'nonce-([^']+)'/.exec(login.headers()["content-security-policy"]!)![1]!;
  const html = await login.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // A fresh nonce on every request.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);

  await signIn(page, DEMO_USERS.admin);
  expectSecurityHeaders(await page.request.get("/dashboard"));
  expectSecurityHeaders(await page.request.get("/api/vendors"));

  const { token } = await createVendorLink(db);
  expectSecurityHeaders(await page.request.get(`/respond/${token}`), { vendor: true });
  // Bad links are answered by the proxy itself: the same headers.
  expectSecurityHeaders(await page.request.get(`/respond/${"A".repeat(43)}`), { vendor: true });

  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
  const stat = await page.request.get(chunk);
  expect(stat.status()).toBe(200);
  expect(stat.headers()["x-content-type-options"]).toBe("nosniff");

  // public/: robots.txt keeps every page (vendor links above all) out of search engines.
  const robots = await page.request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/^Disallow: \/$/m);
  expect(robots.headers()["x-content-type-options"]).toBe("nosniff");
});

test("HSTS is sent when the request came over https through a trusted proxy", async ({
  request,
}) => {
  const plain = await request.get("/login");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  // A TLS-terminating proxy says so with X-Forwarded-Proto; a direct client saying it is not
  // believed (TRUSTED_PROXIES, see tests/e2e/raw-http.ts).
  const https = { "X-Forwarded-Proto": "https" };
  const tls = await rawRequest({ from: TRUSTED_PROXY, path: "/login", headers: https });
  expect(tls.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  const claimed = await request.get("/login", { headers: https });
  expect(claimed.headers()["strict-transport-security"]).toBeUndefined();
});

/** Records CSP violations from the page's first script on, and CSP errors in the console. */
async function watchCsp(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) problems.push(msg.text());
  });
  const check = async (path: string) => {
    await page.waitForLoadState("networkidle");
    const seen = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    // lib/zod-config.ts turns off zod's `new Function` probe, so no violation is expected at all.
    expect([...seen, ...problems], path).toEqual([]);
  };
  return check;
}

test("pages load without a single CSP violation", async ({ page, db }) => {
  const check = await watchCsp(page);
  await page.goto("/login");
  await check("/login");
  await signIn(page, DEMO_USERS.procurement);
  await check("/dashboard");
  await page.goto("/vendors");
  await expect(page.getByRole("heading", { name: "Vendors", level: 1 })).toBeVisible();
  await check("/vendors");
  const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.procurement.email } });
  const assessment = await db.assessment.findFirstOrThrow({ where: { orgId: user.orgId } });
  await page.goto(`/assessments/${assessment.id}`);
  await check("/assessments/[id]");
  // Client-side navigation still works under the CSP (React hydrated).
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Vendors" })
    .click();
  await expect(page).toHaveURL(/\/vendors$/);
  await check("client navigation");

  const { token } = await createVendorLink(db);
  await page.goto(`/respond/${token}`);
  await expect(page.getByTestId("global-save-state")).toBeVisible();
  await check("/respond/[token]");
});
