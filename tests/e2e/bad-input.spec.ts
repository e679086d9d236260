// Guards against bad input that crashed a handler (a 500 that names nothing) or was silently
// changed: JSON nested thousands of levels deep (a stack overflow while serialising), an
// impossible evidence date (9999-99-99 was a 500; 2026-02-31 was stored as 3 March) and a page
// number too large for the database's integers. Each is now refused, naming the field.
import { createVendorLink, DEMO_USERS, expect, signIn, test } from "./fixtures";

const origin = () => new URL(process.env.E2E_BASE_URL!).origin;
const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

test("JSON nested thousands of levels deep is refused with a 400 naming the field", async ({
  request,
  db,
}) => {
  const { token } = await createVendorLink(db, { email: "deep@vendor.example" });
  const answers = await request.post(`/api/respond/${token}/answers`, {
    headers: { Origin: origin(), "Content-Type": "application/json" },
    data: `{"questionId":"sites","value":${deep(5000)},"baseVersion":0,"idempotencyKey":"deep-${Date.now()}"}`,
  });
  expect(answers.status()).toBe(400);
  expect(JSON.stringify(await answers.json())).toContain(
    "value is nested more than 32 levels deep.",
  );
  const colleagues = await request.post(`/api/respond/${token}/colleagues`, {
    headers: { Origin: origin(), "Content-Type": "application/json" },
    data: `{"name":${deep(1000)},"email":"x@vendor.example"}`, // within its 8 KB
  });
  expect(colleagues.status()).toBe(400);
  expect((await colleagues.json()).error).toBe("name is nested more than 32 levels deep.");
});

test("an impossible evidence date is refused naming the field; a real one is kept exactly", async ({
  request,
  db,
}) => {
  const { token, assessmentId } = await createVendorLink(db, { email: "dates@vendor.example" });
  const upload = (evidenceDate: string) =>
    request.post(`/api/respond/${token}/evidence`, {
      headers: { Origin: origin() },
      multipart: {
        file: {
          name: "plan.pdf",
          mimeType: "application/pdf",
          buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
        },
        questionId: "rto_minutes",
        evidenceDate,
      },
    });
  for (const bad of ["9999-99-99", "2026-02-31", "2026-13-01", "2025-02-29"]) {
    const res = await upload(bad);
    expect(res.status(), bad).toBe(422);
    expect(await res.json(), bad).toEqual({
      error: "Evidence date must be a date (YYYY-MM-DD).",
      field: "evidenceDate",
    });
  }
  expect(await db.evidenceFile.count({ where: { assessmentId } })).toBe(0);
  const ok = await upload("2024-02-29");
  expect(ok.status()).toBe(200);
  expect((await ok.json()).data.evidenceDate).toBe("2024-02-29T00:00:00.000Z");
});

test("a page number out of range is refused with a 400 naming page", async ({ page }) => {
  await signIn(page, DEMO_USERS.procurement);
  for (const bad of ["99999999999999999999", "0", "-1", "1.5", "abc", "100001"]) {
    const res = await page.request.get(`/api/vendors?page=${bad}`);
    expect(res.status(), bad).toBe(400);
    expect(await res.json(), bad).toEqual({
      error: "page must be a whole number from 1 to 100000",
      fieldErrors: { page: ["page must be a whole number from 1 to 100000"] },
    });
  }
  const first = await page.request.get("/api/vendors?page=1");
  expect(first.status()).toBe(200);
  expect((await first.json()).page).toBe(1);
  const far = await page.request.get("/api/vendors?page=100000");
  expect(await far.json()).toEqual({ data: [], page: 100000 });
});
