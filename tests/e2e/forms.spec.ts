// Guards against forms that lose or misplace input: a bad value must be named beside its field
// (the browser and the server share one zod schema), a server refusal (duplicate email) must
// land on the field it concerns, and nothing already saved may be lost or changed by it.
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";
import { waitForLink } from "./mail";

test("vendor form: field errors from the shared zod schema, then a vendor is created", async ({
  page,
  db,
}) => {
  await signIn(page, DEMO_USERS.procurement);
  await page.goto("/vendors");
  const form = page.getByRole("form", { name: "Add a vendor" });
  await form.getByRole("button", { name: "Add vendor" }).click();
  await expect(form.getByText("Vendor name is required")).toBeVisible();
  await expect(form.getByText("Choose a criticality tier")).toBeVisible();
  await expectAccessible(page);

  const name = `Offsite Tape Co ${Date.now()}`;
  await form.getByLabel("Vendor name").fill(name);
  await form.getByLabel("Criticality tier").selectOption("high");
  await form.getByLabel("Services provided").fill("Tape vaulting, Courier");
  await form.getByRole("button", { name: "Add vendor" }).click();
  await expect(form.getByRole("status")).toContainText(`${name} was added.`);
  await expect(page.getByRole("rowheader", { name })).toBeVisible();
  const saved = await db.vendor.findFirstOrThrow({ where: { name } });
  expect(saved.services).toEqual(["Tape vaulting", "Courier"]);
  expect(saved.tier).toBe("high");
});

test("invite form: a duplicate email is refused by the server on the email field", async ({
  page,
  db,
}) => {
  await signIn(page, DEMO_USERS.admin);
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Invite a colleague" });
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Name is required")).toBeVisible();
  const before = { users: await db.user.count(), invitations: await db.staffInvitation.count() };
  await form.getByLabel("Name").fill("Someone Else");
  await form.getByLabel("Email").fill(DEMO_USERS.manager.email);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("A user with this email already exists").first()).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Name")).not.toHaveAttribute("aria-invalid", "true");
  expect({
    users: await db.user.count(),
    invitations: await db.staffInvitation.count(),
  }).toEqual(before);
  await expectAccessible(page);
});

test("invitation link form: a short password is named beside its field and nothing is created", async ({
  page,
  browser,
  db,
}) => {
  await signIn(page, DEMO_USERS.admin);
  await page.goto("/admin/users");
  const email = `forms-${Date.now()}@demo.example`;
  const sent = Date.now();
  const form = page.getByRole("form", { name: "Invite a colleague" });
  await form.getByLabel("Name").fill("Form Invitee");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
  const link = await waitForLink({ to: email, subject: /invited/, after: sent, route: "invite" });

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  const choose = invitee.getByRole("form", { name: "Set password and join" });
  await choose.getByRole("button", { name: "Set password and join" }).click();
  await expect(choose.getByText("Password needs at least 12 characters")).toBeVisible();
  await choose.getByLabel("New password", { exact: true }).fill("too-short");
  await choose.getByRole("button", { name: "Set password and join" }).click();
  await expect(choose.getByText("Password needs at least 12 characters")).toBeVisible();
  await expect(choose.getByLabel("New password", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  expect(await db.user.count({ where: { email } })).toBe(0);
  await expectAccessible(invitee);
  await invitee.context().close();
});

test("settings form: a bad value is named and nothing saved is lost", async ({ page, db }) => {
  await signIn(page, DEMO_USERS.admin);
  await page.goto("/admin/settings");
  const org = await db.organization.findFirstOrThrow();
  await page.getByLabel("Reminder lead time (days before the due date)").fill("500");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Reminder lead time must be at most 60 days")).toBeVisible();
  const after = await db.organization.findFirstOrThrow({ where: { id: org.id } });
  expect(after.settings).toEqual(org.settings);
  await expectAccessible(page);
});

test("vendor edit and archive: saved, audited, and archived vendors leave the inventory", async ({
  page,
  db,
}) => {
  await signIn(page, DEMO_USERS.procurement);
  await page.goto("/vendors");
  await page.getByRole("link", { name: "DocuStream" }).click();
  const form = page.getByRole("form", { name: "Edit vendor" });
  await expect(form.getByLabel("Vendor name")).toHaveValue("DocuStream");
  await form.getByLabel("Criticality tier").selectOption("high");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toContainText("DocuStream was saved.");
  const v = await db.vendor.findFirstOrThrow({ where: { name: "DocuStream" } });
  expect(v.tier).toBe("high");
  expect(await db.auditEvent.count({ where: { targetId: v.id, action: "vendor.updated" } })).toBe(
    1,
  );
  await page.getByRole("button", { name: "Archive vendor" }).click();
  await expect(page.getByRole("button", { name: "Restore vendor" })).toBeVisible();
  await page.goto("/vendors");
  await expect(page.getByRole("link", { name: "DocuStream" })).toHaveCount(0);
  await db.vendor.update({
    where: { id: v.id },
    data: { status: "active", tier: "moderate", archivedAt: null },
  });
});
