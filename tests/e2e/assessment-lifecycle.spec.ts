// Guards against due dates in the past, assessments that cannot be stopped and risk acceptances
// without end (issue 11 items 3 and 6), in the browser: a past due date refused beside the field; procurement
// moves a due date and cancels an assessment (the vendor's link then answers 410 naming whom to
// ask); a risk acceptance beyond the organisation's limit refused beside its field, and who
// accepted it, until when, shown on the review page.
import { createVendorLink, DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";

const DAY = 86_400_000;
const isoDay = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

test("a due date before today is refused beside the field, and nothing is sent", async ({
  page,
  db,
}) => {
  const vendor = await db.vendor.findFirstOrThrow({ where: { name: "DocuStream" } });
  const before = await db.assessment.count({ where: { vendorId: vendor.id } });
  await signIn(page, DEMO_USERS.procurement);
  await page.goto(`/vendors/${vendor.id}`);
  const form = page.getByRole("form", { name: "Send a questionnaire" });
  await form.getByLabel("Vendor contact email").fill("due@docustream.example");
  await form.getByLabel("Due date").fill(isoDay(-1));
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  await expect(form.getByLabel("Due date")).toHaveAccessibleDescription(
    `Due date cannot be in the past: choose ${isoDay(0)} (today, UTC) or later`,
  );
  await expect(page).toHaveURL(new RegExp(`/vendors/${vendor.id}$`));
  expect(await db.assessment.count({ where: { vendorId: vendor.id } })).toBe(before);
});

test("procurement moves the due date, then cancels with a reason; the vendor's link answers 410 naming whom to ask", async ({
  page,
  browser,
  db,
}) => {
  const { token } = await createVendorLink(db, { email: "cancel@vendor.example" });
  const inv = await db.invitation.findFirstOrThrow({
    where: { email: "cancel@vendor.example" },
    orderBy: { createdAt: "desc" },
  });
  const id = inv.assessmentId;
  await db.assessment.update({
    where: { id },
    data: { dueDate: new Date(`${isoDay(3)}T00:00:00Z`), sentAt: new Date() },
  });
  const vendor = await (await browser.newContext()).newPage();
  expect((await vendor.goto(`/respond/${token}`))?.status()).toBe(200);

  await signIn(page, DEMO_USERS.procurement);
  await page.goto(`/assessments/${id}`);
  const due = page.getByRole("form", { name: "Edit due date" });
  await expect(due.getByLabel("Due date")).toHaveValue(isoDay(3));
  await due.getByLabel("Due date").fill(isoDay(-2));
  await due.getByRole("button", { name: "Change due date" }).click();
  await expect(due.getByLabel("Due date")).toHaveAccessibleDescription(/cannot be in the past/);
  await due.getByLabel("Due date").fill(isoDay(30));
  await due.getByRole("button", { name: "Change due date" }).click();
  await expect(due.getByRole("status")).toContainText(`The due date is now ${isoDay(30)}`);
  const moved = await db.assessment.findUniqueOrThrow({ where: { id } });
  expect(moved.dueDate?.toISOString().slice(0, 10)).toBe(isoDay(30));
  await expect(page.getByText(`due ${isoDay(30)}`)).toBeVisible();

  const cancel = page.getByRole("form", { name: "Cancel assessment" });
  await cancel.getByRole("button", { name: "Cancel assessment…" }).click();
  await expect(cancel.getByLabel("Reason for cancelling")).toHaveAccessibleDescription(
    "Reason is required",
  );
  await cancel.getByLabel("Reason for cancelling").fill("The contract was not renewed.");
  await cancel.getByRole("button", { name: "Cancel assessment…" }).click();
  const confirm = page.getByRole("dialog", { name: "Cancel this assessment?" });
  await expect(confirm).toHaveAccessibleDescription(/The vendor's links will stop working/);
  await expectAccessible(page);
  // Backing out changes nothing.
  await confirm.getByRole("button", { name: "Keep the assessment" }).click();
  await expect(confirm).toBeHidden();
  expect((await db.assessment.findUniqueOrThrow({ where: { id } })).status).toBe("sent");

  await cancel.getByRole("button", { name: "Cancel assessment…" }).click();
  await confirm.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByText("Reason: The contract was not renewed.")).toBeVisible();
  await expect(page.getByText("The vendor's links no longer work.")).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "cancel@vendor.example" }).getByText("stopped"),
  ).toBeVisible();
  await expect(page.getByRole("form", { name: "Cancel assessment" })).toHaveCount(0);
  const row = await db.assessment.findUniqueOrThrow({ where: { id } });
  expect({ status: row.status, reason: row.cancelReason }).toEqual({
    status: "cancelled",
    reason: "The contract was not renewed.",
  });
  const audit = await db.auditEvent.findMany({
    where: {
      targetId: id,
      action: { in: ["assessment.due_date_changed", "assessment.cancelled"] },
    },
    orderBy: { id: "asc" },
  });
  expect(audit.map((e) => e.action)).toEqual([
    "assessment.due_date_changed",
    "assessment.cancelled",
  ]);

  // The vendor's link: a 410 page saying it was cancelled and whom to ask; the API too.
  const res = await vendor.goto(`/respond/${token}`);
  expect(res?.status()).toBe(410);
  await expect(
    vendor.getByRole("heading", { name: "This questionnaire was cancelled" }),
  ).toBeVisible();
  await expect(vendor.getByRole("link", { name: "vendor-risk@demo.example" })).toBeVisible();
  const api = await vendor.request.post(`/api/respond/${token}/answers`, {
    headers: { Origin: new URL(vendor.url()).origin },
    data: { questionId: "topology", value: "single_site", baseVersion: 0, idempotencyKey: "k-c1" },
  });
  expect(api.status()).toBe(410);
  expect(((await api.json()) as { error: string }).error).toContain("vendor-risk@demo.example");
  await vendor.context().close();
});

test("a risk acceptance beyond the organisation's limit is refused beside its field; who accepted and until when show", async ({
  browser,
  db,
}) => {
  await createVendorLink(db, { email: "risk@vendor.example" });
  const inv = await db.invitation.findFirstOrThrow({
    where: { email: "risk@vendor.example" },
    orderBy: { createdAt: "desc" },
  });
  const a = await db.assessment.findUniqueOrThrow({ where: { id: inv.assessmentId } });
  const title = `Backups share the primary's credentials ${Date.now()}`;
  await db.finding.create({
    data: {
      orgId: a.orgId,
      vendorId: a.vendorId,
      assessmentId: a.id,
      title,
      description: "Use separate credentials for the backup account.",
      severity: "high",
    },
  });

  // The administrator shortens the limit to 6 months.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO_USERS.admin);
  await admin.goto("/admin/settings");
  const settings = admin.getByRole("form", { name: "Organisation settings" });
  await expect(settings.getByLabel("Longest risk acceptance (months)")).toHaveValue("12");
  await settings.getByLabel("Longest risk acceptance (months)").fill("6");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toContainText("Settings saved.");

  try {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, DEMO_USERS.manager);
    await page.goto(`/assessments/${a.id}`);
    const item = page.getByRole("listitem").filter({ hasText: title });
    await item.getByText("Accept this risk").click();
    const form = page.getByRole("form", { name: `Accept risk: ${title}` });
    await form.getByLabel("Justification").fill("Compensating controls until the vendor migrates.");
    await form.getByLabel("Acceptance expires on").fill("2031-06-30");
    await form.getByRole("button", { name: "Accept risk" }).click();
    await expect(form.getByLabel("Acceptance expires on")).toHaveAccessibleDescription(
      /A risk may be accepted for at most 6 months \(your organisation's limit\): choose \d{4}-\d{2}-\d{2} or earlier/,
    );
    expect((await db.finding.findFirstOrThrow({ where: { title } })).status).toBe("open");

    const until = isoDay(60);
    await form.getByLabel("Acceptance expires on").fill(until);
    await form.getByRole("button", { name: "Accept risk" }).click();
    await expect(page.getByText("Risk accepted.", { exact: true })).toBeVisible();
    await expect(item.getByText(`Risk accepted until ${until}:`)).toBeVisible();
    await expect(
      item.getByText(`Accepted by ${DEMO_USERS.manager.name} on ${isoDay(0)}`),
    ).toBeVisible();
    const f = await db.finding.findFirstOrThrow({ where: { title } });
    expect(f.status).toBe("risk_accepted");
    await page.context().close();
  } finally {
    await settings.getByLabel("Longest risk acceptance (months)").fill("12");
    await settings.getByRole("button", { name: "Save settings" }).click();
    await expect(settings.getByRole("status")).toContainText("Settings saved.");
    await admin.context().close();
  }
});
