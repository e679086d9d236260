// Guards against typing a vendor's contact again on every send: the send form offers the
// vendor's saved contacts (the first added preselected), and a contact typed there instead is
// saved to the vendor; a missing address is named on its field and nothing is sent.
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";
import { demoOrg } from "./send-helpers";

test("send form: picks a saved contact, or adds a new one that the vendor keeps", async ({
  page,
  db,
}) => {
  const tag = Date.now().toString(36);
  const org = await demoOrg(db);
  const vendor = await db.vendor.create({
    data: { orgId: org.id, name: `Contacts Co ${tag}`, tier: "moderate" },
  });
  for (const [i, who] of ["Primary", "Backup"].entries())
    await db.vendorContact.create({
      data: {
        orgId: org.id,
        vendorId: vendor.id,
        name: `${who} Person`,
        email: `${who.toLowerCase()}-${tag}@vendor.example`,
        createdAt: new Date(Date.now() - 60_000 + i * 1000),
      },
    });
  await signIn(page, DEMO_USERS.procurement);
  await page.goto(`/vendors/${vendor.id}`);
  const form = page.getByRole("form", { name: "Send a questionnaire" });
  const sendTo = form.getByLabel("Send to");
  await expect(sendTo.locator("option:checked")).toHaveText(
    `Primary Person (primary-${tag}@vendor.example)`,
  );
  await expect(form.getByLabel("Vendor contact email")).toHaveCount(0);
  await sendTo.selectOption({ label: `Backup Person (backup-${tag}@vendor.example)` });
  await expectAccessible(page);
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  await page.waitForURL(/\/assessments\/[^/?]+\?sent=1/);
  const firstId = /assessments\/([^/?]+)/.exec(page.url())![1]!;
  const invitations = (assessmentId: string) =>
    db.invitation.findMany({ where: { assessmentId }, select: { email: true, name: true } });
  expect(await invitations(firstId)).toEqual([
    { email: `backup-${tag}@vendor.example`, name: "Backup Person" },
  ]);
  expect(await db.vendorContact.count({ where: { vendorId: vendor.id } })).toBe(2);

  // Someone else: the typed contact is checked, named on its field, then saved to the vendor.
  await page.goto(`/vendors/${vendor.id}`);
  await sendTo.selectOption({ label: "Someone else: add a new contact" });
  await form.getByLabel("Send a second questionnaire anyway").check();
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  await expect(form.getByLabel("Vendor contact email")).toHaveAccessibleDescription(
    "Contact email is required (or pick a saved contact)",
  );
  expect(await db.assessment.count({ where: { vendorId: vendor.id } })).toBe(1);
  await form.getByLabel("Vendor contact name").fill("New Lead");
  await form.getByLabel("Vendor contact email").fill(`new-${tag}@vendor.example`);
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  await page.waitForURL((url) => url.search === "?sent=1" && !url.pathname.endsWith(firstId));
  const secondId = /assessments\/([^/?]+)/.exec(page.url())![1]!;
  expect(await invitations(secondId)).toEqual([
    { email: `new-${tag}@vendor.example`, name: "New Lead" },
  ]);
  const saved = await db.vendorContact.findMany({
    where: { vendorId: vendor.id },
    orderBy: { createdAt: "asc" },
    select: { name: true, email: true },
  });
  expect(saved.map((c) => c.name)).toEqual(["Primary Person", "Backup Person", "New Lead"]);
  await page.goto(`/vendors/${vendor.id}`);
  await expect(page.getByText(`New Lead · new-${tag}@vendor.example`)).toBeVisible();
  await expect(form.getByLabel("Send to").locator("option")).toHaveText([
    `Primary Person (primary-${tag}@vendor.example)`,
    `Backup Person (backup-${tag}@vendor.example)`,
    `New Lead (new-${tag}@vendor.example)`,
    "Someone else: add a new contact",
  ]);
});
