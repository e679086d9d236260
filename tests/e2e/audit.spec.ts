// Guards against unaccountable access and changes: administrators (and only they) can read
// who signed in, changed, downloaded or invited what, and every such event is recorded.
import {
  alertMessage,
  createTempUser,
  createVendorLink,
  DEMO_USERS,
  expect,
  expectAccessible,
  signIn,
  test,
} from "./fixtures";

test("an administrator reads sign-in events with filters in the URL; other roles get 403", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO_USERS.admin);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Filter the audit log" });
  await form.getByLabel("Action").selectOption("auth.sign_in");
  await form.getByLabel("Actor").fill(DEMO_USERS.admin.email);
  await form.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=auth.sign_in/);
  await expect(page).toHaveURL(/actor=admin%40demo.example/);
  const rows = page.getByRole("table").getByRole("row");
  expect(await rows.count()).toBeGreaterThan(1);
  for (const action of await page.getByRole("cell", { name: /^auth\./ }).allTextContents())
    expect(action).toBe("auth.sign_in");
  await expect(
    page.getByRole("cell", { name: new RegExp(DEMO_USERS.admin.email) }).first(),
  ).toBeVisible();

  // A date range with nothing in it.
  await page.goto("/admin/audit?from=2001-01-01&to=2001-01-02");
  await expect(page.getByText("No events match these filters.")).toBeVisible();
  // Malformed filters are ignored, not an error page.
  expect((await page.goto("/admin/audit?page=abc&from=yesterday"))?.status()).toBe(200);

  for (const role of ["procurement", "manager"] as const) {
    const ctx = await browser.newContext();
    const other = await ctx.newPage();
    await signIn(other, DEMO_USERS[role]);
    await expect(
      other.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }),
    ).toHaveCount(0);
    expect((await other.goto("/admin/audit"))?.status(), role).toBe(403);
    await ctx.close();
  }
});

test("sign-ins, role changes, answers, evidence, invitations and revocations are recorded", async ({
  page,
  browser,
  db,
}) => {
  const since = new Date(Date.now() - 1000);
  const temp = await createTempUser(db, { role: "manager", tag: "audit" });
  const user = await db.user.findUniqueOrThrow({ where: { email: temp.email } });

  // A failed and a successful sign-in.
  const ctx = await browser.newContext();
  const userPage = await ctx.newPage();
  await userPage.goto("/login");
  await userPage.getByLabel("Email").fill(temp.email);
  await userPage.getByLabel("Password").fill("wrong-password-1");
  await userPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(alertMessage(userPage)).toHaveText("Email or password is incorrect.");
  await signIn(userPage, temp);
  await ctx.close();

  // A role change, through the admin's screen.
  await signIn(page, DEMO_USERS.admin);
  await page.goto("/admin/users");
  await page.getByLabel(`Role of ${temp.name}`).selectOption("procurement");
  await page
    .getByRole("dialog", { name: `Make ${temp.name} Procurement officer?` })
    .getByRole("button", { name: `Yes, make ${temp.name} Procurement officer` })
    .click();
  await expect(page.getByRole("status")).toContainText("is now Procurement officer");

  // A vendor answers, uploads evidence and invites a colleague; staff download the file.
  const link = await createVendorLink(db, { email: `audit-${Date.now()}@vendor.example` });
  const origin = new URL(page.url()).origin;
  const questionId = "topology";
  const answered = await page.request.post(`/api/respond/${link.token}/answers`, {
    headers: { Origin: origin },
    data: {
      questionId,
      value: "active_passive",
      baseVersion: 0,
      idempotencyKey: `audit-${Date.now()}`,
    },
  });
  expect(answered.status()).toBeLessThan(500);
  const upload = await page.request.post(`/api/respond/${link.token}/evidence`, {
    headers: { Origin: origin },
    multipart: {
      file: {
        name: "plan.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("DR plan, tested 2026.\n"),
      },
    },
  });
  expect(upload.status()).toBe(200);
  const evidenceId = (await upload.json()).data.id as string;
  const colleague = await page.request.post(`/api/respond/${link.token}/colleagues`, {
    headers: { Origin: origin },
    data: { name: "Colleague", email: `colleague-${Date.now()}@vendor.example` },
  });
  expect(colleague.status()).toBe(200);
  const download = await page.request.get(
    `/api/assessments/${link.assessmentId}/evidence/${evidenceId}`,
  );
  expect(download.status()).toBe(200);

  // A revocation, through the assessment page.
  await page.goto(`/assessments/${link.assessmentId}`);
  const inv = await db.invitation.findUniqueOrThrow({ where: { id: link.invitationId } });
  await page.getByRole("button", { name: `Revoke link of ${inv.email}` }).click();
  const confirmRevoke = page.getByRole("dialog", { name: `Revoke the link of ${inv.email}?` });
  // The confirmation names the colleague link that goes with it.
  await expect(confirmRevoke).toHaveAccessibleDescription(/and its 1 colleague link/);
  await confirmRevoke.getByRole("button", { name: "Yes, revoke the link" }).click();
  // The colleague invited through it above goes with it, and the message says so.
  await expect(
    page.getByText(`The link of ${inv.email} and 1 colleague link no longer work.`),
  ).toBeVisible();

  const events = await db.auditEvent.findMany({ where: { createdAt: { gte: since } } });
  const has = (action: string, pred: (e: (typeof events)[number]) => boolean = () => true) =>
    events.some((e) => e.action === action && pred(e));
  expect(has("auth.sign_in_failed", (e) => e.targetId === user.id)).toBe(true);
  expect(has("auth.sign_in", (e) => e.targetId === user.id)).toBe(true);
  expect(
    has(
      "user.role_changed",
      (e) => e.targetId === user.id && JSON.stringify(e.data).includes('"to":"procurement"'),
    ),
  ).toBe(true);
  if (answered.status() === 200)
    expect(has("answer.changed", (e) => e.targetId === link.assessmentId)).toBe(true);
  expect(has("evidence.uploaded")).toBe(true);
  expect(has("evidence.downloaded", (e) => e.targetId === evidenceId)).toBe(true);
  expect(has("invitation.sent", (e) => JSON.stringify(e.data).includes("colleague"))).toBe(true);
  expect(has("invitation.revoked")).toBe(true);

  // The admin's page shows the role change as old → new.
  await page.goto(
    `/admin/audit?action=user.role_changed&actor=${encodeURIComponent(DEMO_USERS.admin.email)}`,
  );
  await expect(page.getByRole("row").filter({ hasText: user.id }).first()).toContainText(
    /manager →.*procurement/,
  );
});

test("the audit log names each target, keeps its ids in a disclosure and wraps long values", async ({
  page,
  db,
}) => {
  // A sites answer recorded as from → to is the widest real row (it made a 2,110 px table).
  const link = await createVendorLink(db, { email: `audit-wide-${Date.now()}@vendor.example` });
  const site = (n: number) => ({
    id: `site-${n}`,
    name: `Data-centre-${n}-${"x".repeat(60)}`,
    role: n === 1 ? "primary" : "secondary",
    provider: "Provider",
    city: "Frankfurt",
    country: "DE",
    lat: 50.11,
    lon: 8.68,
  });
  await db.auditEvent.create({
    data: {
      orgId: link.orgId,
      actorKind: "vendor",
      actorInvitationId: link.invitationId,
      action: "answer.changed",
      targetType: "assessment",
      targetId: link.assessmentId,
      data: { question: "sites", from: null, to: [site(1), site(2), site(3)], version: 1 },
    },
  });
  await signIn(page, DEMO_USERS.admin);
  await page.goto("/admin/audit?action=answer.changed");
  const row = page.getByRole("row").filter({ hasText: link.assessmentId });
  // The assessment by its vendor and questionnaire, not by its id.
  await expect(row.getByRole("cell").nth(3)).toContainText(
    /Assessment\s*HR Orbit: Business continuity/,
  );
  await expect(row.getByText(link.assessmentId)).toBeHidden();
  await row.getByText("Record ids").click();
  await expect(row.getByText(link.assessmentId)).toBeVisible();
  await expect(row.getByText(link.invitationId)).toBeVisible();
  // Long values wrap: the table fits its box at this desktop width, without scrolling.
  const region = page.getByRole("region", { name: "Audit events, newest first" });
  const { scroll, client } = await region.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
  await expectAccessible(page);
});
