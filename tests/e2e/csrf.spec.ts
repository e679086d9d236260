// Guards against cross-site request forgery: a page on another site (or a sandboxed frame
// sending `Origin: null`, or a client stripping Origin) riding the staff session cookie or a
// vendor link to change data. Every cookie- or link-authenticated mutation must be refused.
import type { APIRequestContext } from "@playwright/test";
import { createVendorLink, DEMO_USERS, expect, signIn, type TDb, test } from "./fixtures";

const BAD_ORIGINS: { label: string; headers: Record<string, string> }[] = [
  { label: "foreign Origin", headers: { Origin: "https://evil.example" } },
  { label: "Origin: null", headers: { Origin: "null" } },
  { label: "no Origin", headers: {} },
];

test("a Server Action replayed with a foreign, null or missing Origin is refused", async ({
  page,
  db,
}) => {
  await signIn(page, DEMO_USERS.procurement);
  await page.goto("/vendors");
  // Capture the real createVendorAction request the vendor form sends.
  const form = page.getByRole("form", { name: "Add a vendor" });
  const name = `CSRF probe ${Date.now()}`;
  await form.getByLabel("Vendor name").fill(name);
  await form.getByLabel("Criticality tier").selectOption("high");
  await form.getByLabel("Services provided").fill("Payroll");
  const [action] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    form.getByRole("button", { name: "Add vendor" }).click(),
  ]);
  await expect(form.getByRole("status")).toContainText(`${name} was added.`);
  const headers = action.headers();
  const body = action.postData()!;
  const replay = (extra: Record<string, string>, n: string) =>
    page.context().request.post(action.url(), {
      headers: {
        "Next-Action": headers["next-action"]!,
        "Content-Type": headers["content-type"] ?? "text/plain;charset=UTF-8",
        ...extra,
      },
      data: body.replaceAll(name, n),
    });
  const count = () => db.vendor.count();

  const before = await count();
  for (const bad of BAD_ORIGINS) {
    const res = await replay(bad.headers, `${name} ${bad.label}`);
    expect(res.status(), bad.label).toBe(403);
  }
  expect(await count()).toBe(before);
  expect(await db.vendor.count({ where: { name: { startsWith: `${name} ` } } })).toBe(0);

  // The same request with our own Origin goes through: the refusals above are the Origin rule.
  const ok = await replay({ Origin: new URL(page.url()).origin }, `${name} same-origin`);
  expect(ok.status()).toBe(200);
  expect(await count()).toBe(before + 1);

  // A no-JavaScript form post names the action in the body instead of a header: refused too.
  const formPost = await page.context().request.post("/vendors", {
    multipart: { "1_$ACTION_ID_abc": "", "1_name": "x" },
  });
  expect(formPost.status()).toBe(403);
  expect(await count()).toBe(before + 1);
});

test("next-auth's sign-in and sign-out POSTs are refused from another origin", async ({
  request,
}) => {
  const csrf = (await (await request.get("/api/auth/csrf")).json()).csrfToken as string;
  for (const bad of BAD_ORIGINS) {
    const signin = await request.post("/api/auth/callback/credentials", {
      headers: bad.headers,
      form: { ...DEMO_USERS.admin, csrfToken: csrf, json: "true" },
    });
    expect(signin.status(), bad.label).toBe(403);
    const signout = await request.post("/api/auth/signout", {
      headers: bad.headers,
      form: { csrfToken: csrf, json: "true" },
    });
    expect(signout.status(), bad.label).toBe(403);
  }
  // No session cookie was issued by the refused sign-ins.
  expect((await request.get("/api/vendors")).status()).toBe(401);
});

async function snapshot(db: TDb, assessmentId: string) {
  const a = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
  return {
    status: a.status,
    answers: await db.answer.count({ where: { assessmentId } }),
    invitations: await db.invitation.count({ where: { assessmentId } }),
    evidence: await db.evidenceFile.count({ where: { assessmentId } }),
  };
}

test("every vendor-link POST route refuses a foreign, null or missing Origin", async ({
  request,
  db,
}) => {
  const { token, assessmentId } = await createVendorLink(db, { email: "csrf@vendor.example" });
  const before = await snapshot(db, assessmentId);
  const firstQuestion = "sites";
  const calls: [string, (api: APIRequestContext, h: Record<string, string>) => Promise<number>][] =
    [
      [
        "answers",
        async (api, h) =>
          (
            await api.post(`/api/respond/${token}/answers`, {
              headers: h,
              data: {
                questionId: firstQuestion,
                value: "x",
                baseVersion: 0,
                idempotencyKey: `k-${Date.now()}`,
              },
            })
          ).status(),
      ],
      [
        "colleagues",
        async (api, h) =>
          (
            await api.post(`/api/respond/${token}/colleagues`, {
              headers: h,
              data: { name: "Mallory", email: "mallory@evil.example" },
            })
          ).status(),
      ],
      [
        "evidence",
        async (api, h) =>
          (
            await api.post(`/api/respond/${token}/evidence`, {
              headers: h,
              multipart: {
                file: {
                  name: "plan.pdf",
                  mimeType: "application/pdf",
                  buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
                },
              },
            })
          ).status(),
      ],
      [
        "submit",
        async (api, h) => (await api.post(`/api/respond/${token}/submit`, { headers: h })).status(),
      ],
    ];
  for (const [route, call] of calls) {
    for (const bad of BAD_ORIGINS)
      expect(await call(request, bad.headers), `${route}, ${bad.label}`).toBe(403);
  }
  expect(await snapshot(db, assessmentId)).toEqual(before);
});

// An Authorization header used to exempt a request from the Origin rule, though no route
// verifies bearer tokens: a cross-site request adding one still rode the cookie.
test("an Authorization: Bearer header does not exempt a request from the Origin rule", async ({
  request,
}) => {
  const res = await request.post("/api/vendors", {
    headers: { Origin: "https://elsewhere.example", Authorization: "Bearer not-a-real-token" },
  });
  expect(res.status()).toBe(403);
});
