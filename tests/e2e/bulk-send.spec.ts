// Guards against a bulk send that mails every ticked vendor blindly: from the vendor list,
// procurement ticks several vendors (keyboard too, "select all on this page"), sets one due
// date and message; each vendor gets its own assessment mailed to its primary contact, and a
// vendor with an open assessment or without a contact is listed as skipped, never sent to.
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";
import { readMails, waitForLink } from "./mail";
import { demoOrg } from "./send-helpers";

test("bulk send: two sent and mailed, one with an open assessment and one without a contact skipped", async ({
  page,
  db,
}) => {
  const tag = Date.now().toString(36);
  const org = await demoOrg(db);
  const make = async (name: string, email?: string) => {
    const v = await db.vendor.create({
      data: { orgId: org.id, name: `Bulk ${name} ${tag}`, tier: "high" },
    });
    if (email)
      await db.vendorContact.create({
        data: { orgId: org.id, vendorId: v.id, name: `${name} lead`, email },
      });
    return v;
  };
  const first = await make("Alpha", `alpha-${tag}@vendor.example`);
  const second = await make("Bravo", `bravo-${tag}@vendor.example`);
  const busy = await make("Charlie", `charlie-${tag}@vendor.example`);
  const silent = await make("Delta");
  const qv = await db.questionnaireVersion.findFirstOrThrow();
  await db.assessment.create({
    data: {
      orgId: org.id,
      vendorId: busy.id,
      questionnaireVersionId: qv.id,
      requirements: { tier: "high" },
      status: "in_progress",
      sentAt: new Date(),
    },
  });

  await signIn(page, DEMO_USERS.procurement);
  // The list is searched to this test's vendors (it pages 50 at a time).
  await page.goto(`/vendors?q=${tag}`);
  const form = page.getByRole("form", { name: "Send to the selected vendors" });
  // Nothing picked: the form says so and sends nothing.
  await form.getByRole("button", { name: "Send to selected vendors" }).click();
  await expect(form.getByRole("alert")).toHaveText("Choose at least one vendor");

  // "Select all on this page" ticks every row, and unticks them again.
  const all = page.getByRole("checkbox", { name: "Select all vendors on this page" });
  await all.check();
  await expect(page.getByRole("checkbox", { name: `Select ${first.name}` })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select ${silent.name}` })).toBeChecked();
  await all.uncheck();
  await expect(page.getByRole("checkbox", { name: `Select ${first.name}` })).not.toBeChecked();

  // The keyboard picks as well as the mouse.
  await page.getByRole("checkbox", { name: `Select ${first.name}` }).focus();
  await page.keyboard.press("Space");
  for (const v of [second, busy, silent])
    await page.getByRole("checkbox", { name: `Select ${v.name}` }).check();
  await expect(form.getByText("4 selected.")).toBeVisible();
  const message = `Yearly BC/DR review ${tag}`;
  await form.getByLabel("Personal message (optional)").fill(message);
  await expectAccessible(page);
  const after = Date.now();
  await form.getByRole("button", { name: "Send to selected vendors" }).click();

  const report = page.getByRole("status").filter({ hasText: "Sent 2, skipped 2" });
  await expect(report).toBeVisible();
  const sent = report.getByRole("list", { name: "Sent" });
  await expect(sent.getByRole("listitem")).toHaveText([
    `${first.name} — sent to alpha-${tag}@vendor.example`,
    `${second.name} — sent to bravo-${tag}@vendor.example`,
  ]);
  await expect(report.getByRole("list", { name: "Skipped" }).getByRole("listitem")).toHaveText([
    `${busy.name} — skipped: already has an open assessment (in progress)`,
    `${silent.name} — skipped: has no saved contact: add one on its page`,
  ]);

  const count = (vendorId: string) => db.assessment.count({ where: { vendorId } });
  expect(await Promise.all([first, second, busy, silent].map((v) => count(v.id)))).toEqual([
    1, 1, 1, 0,
  ]);
  for (const v of [first, second]) {
    const a = await db.assessment.findFirstOrThrow({ where: { vendorId: v.id } });
    expect({ status: a.status, requirements: a.requirements }).toEqual({
      status: "sent",
      requirements: { tier: "high" },
    });
  }
  for (const to of [`alpha-${tag}@vendor.example`, `bravo-${tag}@vendor.example`])
    await waitForLink({ to, subject: /BC\/DR questionnaire/, after });
  const mailed = readMails().filter((m) => Number(m.file.split("-")[0]) >= after);
  expect(
    mailed
      .filter((m) => m.body.includes(message))
      .map((m) => m.to)
      .sort(),
  ).toEqual([`alpha-${tag}@vendor.example`, `bravo-${tag}@vendor.example`]);
  expect(mailed.some((m) => m.to.includes(`charlie-${tag}`))).toBe(false);
  // Audited per assessment, as a single send is.
  const ids = (
    await db.assessment.findMany({
      where: { vendorId: { in: [first.id, second.id] } },
      select: { id: true },
    })
  ).map((a) => a.id);
  expect(
    await db.auditEvent.count({ where: { action: "assessment.sent", targetId: { in: ids } } }),
  ).toBe(2);
});
