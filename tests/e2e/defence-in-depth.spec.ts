// Guards against defences that gave way to a header or a character (issue 12, item 11): the
// Origin check believed a client's X-Forwarded-Host; the page CSP replaced the evidence
// download's stricter one; a right-to-left override in a name reordered the page around it.
// (The Authorization header's exemption from the Origin check is in csrf.spec.ts; another
// organisation's email in tests/integration/users.test.ts.)
import { createVendorLink, DEMO_USERS, expect, signIn, test } from "./fixtures";

const origin = () => new URL(process.env.E2E_BASE_URL!).origin;

test("a client naming another host in X-Forwarded-Host is still cross-site", async ({
  request,
}) => {
  const csrf = (await (await request.get("/api/auth/csrf")).json()).csrfToken as string;
  const res = await request.post("/api/auth/signout", {
    headers: {
      Origin: "https://evil.example",
      "X-Forwarded-Host": "evil.example",
      "X-Forwarded-Proto": "https",
    },
    form: { csrfToken: csrf, json: "true" },
  });
  expect(res.status()).toBe(403);
});

test("an evidence download keeps its own sandbox CSP, for the vendor and for staff", async ({
  page,
  db,
}) => {
  const { token, assessmentId } = await createVendorLink(db, { email: "csp@vendor.example" });
  const up = await page.request.post(`/api/respond/${token}/evidence`, {
    headers: { Origin: origin() },
    multipart: {
      file: {
        name: "plan.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
      },
    },
  });
  expect(up.status()).toBe(200);
  const { id } = (await up.json()).data as { id: string };
  const vendorCopy = await page.request.get(`/api/respond/${token}/evidence/${id}`);
  expect(vendorCopy.status()).toBe(200);
  expect(vendorCopy.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");

  await signIn(page, DEMO_USERS.procurement);
  const staffCopy = await page.request.get(`/api/assessments/${assessmentId}/evidence/${id}`);
  expect(staffCopy.status()).toBe(200);
  expect(staffCopy.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  // Pages keep theirs.
  const dashboard = await page.request.get("/dashboard");
  expect(dashboard.headers()["content-security-policy"]).toContain("script-src");
});

test("a right-to-left override in a vendor's name reorders nothing around it", async ({
  page,
  db,
}) => {
  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.admin.email } });
  const name = `Invoice\u202Efdp.exe ${Date.now()}`;
  const vendor = await db.vendor.create({ data: { orgId: admin.orgId, name, tier: "low" } });
  await signIn(page, DEMO_USERS.procurement);
  await page.goto(`/vendors/${vendor.id}`);
  const heading = page.getByRole("heading", { level: 1 });
  // Stored and read exactly as typed …
  await expect(heading).toHaveText(name);
  // … but the override sits alone in an isolate, where it has nothing to reverse: the heading
  // reads left to right ("Invoice" before "fdp.exe"), not "Invoice" + the rest mirrored.
  await expect(heading.locator("bdi")).toHaveText("\u202E");
  const order = await heading.evaluate((h) => {
    const text = h.textContent ?? "";
    const x = (needle: string) => {
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n.textContent ?? "").indexOf(needle);
        if (at < 0) continue;
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + 1);
        return r.getBoundingClientRect().left;
      }
      return Number.NaN;
    };
    return { text, f: x("f"), x: x("x") };
  });
  expect(order.f).toBeLessThan(order.x);
});
