// Guards against a reassessment passing last year's answers off as this year's: the carried-over
// answers await the vendor's confirmation, count as unanswered until confirmed (submit is refused,
// naming them), the vendor's submit goes through a last review that changes nothing when
// cancelled, and the reviewer sees which answers changed and which were confirmed unchanged.
import { expect, expectAccessible, test } from "./fixtures";
import { waitForLink } from "./mail";
import { answer, expectAllSaved } from "./portal-helpers";
import { sendWithAnswers, submitAnswers } from "./send-helpers";

test("a reassessment starts from the last answers, each to confirm or change", async ({
  browser,
  db,
}) => {
  // Every answer of the questionnaire is confirmed one at a time, each a save.
  test.setTimeout(180_000);
  const name = `Again Ltd ${Date.now()}`;
  // Last year's assessment, submitted through the portal and accepted.
  const first = await sendWithAnswers(browser, db, { name });
  await expectAllSaved(first.vendorPage);
  await submitAnswers(first.vendorPage);
  await db.assessment.update({
    where: { id: first.assessmentId },
    data: { status: "accepted", decidedAt: new Date() },
  });

  // The send form starts from those answers unless the sender picks a blank questionnaire.
  const { proc } = first;
  const vendorId = (await db.assessment.findUniqueOrThrow({ where: { id: first.assessmentId } }))
    .vendorId;
  await proc.goto(`/vendors/${vendorId}`);
  const form = proc.getByRole("form", { name: "Send a questionnaire" });
  await expect(form.getByLabel("Start from")).toHaveValue(first.assessmentId);
  // Sent to the contact the first questionnaire went to, which the vendor now keeps.
  const email = first.email;
  await expect(form.getByLabel("Send to").locator("option:checked")).toContainText(email);
  const after = Date.now();
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  await proc.waitForURL(/\/assessments\/[^/?]+\?sent=1/);
  const assessmentId = /assessments\/([^/?]+)/.exec(proc.url())![1]!;
  const carried = await db.answer.findMany({ where: { assessmentId } });
  expect(carried.length).toBeGreaterThan(10);
  expect(carried.every((a) => a.awaitingConfirmation && a.carriedFrom === "previous")).toBe(true);

  // The vendor sees the answers, each marked, and none counted yet.
  const vendor = await (await browser.newContext()).newPage();
  await vendor.goto(await waitForLink({ to: email, subject: /./, after }));
  const rto = vendor.locator("#q-rto_minutes");
  await expect(rto.getByText("Carried over — confirm or change.")).toBeVisible();
  await expect(rto.locator("#q-rto_minutes-input")).toHaveValue(
    String(carried.find((a) => a.questionId === "rto_minutes")?.value),
  );
  await expect(vendor.locator("#progress-label")).toHaveText(/^0 of \d+ required answers$/);
  await expectAccessible(vendor);

  // Confirms two (keyboard for one), changes one.
  await vendor.getByRole("button", { name: "Confirm: Recovery point objective (RPO)" }).click();
  const topology = vendor.getByRole("button", {
    name: "Confirm: How is the service deployed across sites?",
  });
  await topology.focus();
  await vendor.keyboard.press("Enter");
  await answer(vendor, "rto_minutes", 45);
  await expectAllSaved(vendor);
  await expect(rto.getByText("Carried over — confirm or change.")).toHaveCount(0);
  await expect(vendor.locator("#progress-label")).toHaveText(/^3 of \d+ required answers$/);

  // Submit is refused while required answers await confirmation, naming them.
  await vendor.getByRole("button", { name: "Submit answers" }).click();
  const missing = vendor.getByRole("list", { name: "What is missing" });
  await expect(
    missing.getByRole("listitem").filter({ hasText: "carried over: confirm or change it" }).first(),
  ).toBeVisible();
  await expect(missing.getByRole("link", { name: "Recovery time objective (RTO)" })).toHaveCount(0);
  expect((await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).status).not.toBe(
    "submitted",
  );

  // Confirming the rest, one button at a time.
  const confirm = vendor.getByRole("button", { name: /^Confirm: / });
  for (let left = await confirm.count(); left > 0; left--) {
    await confirm.first().click();
    await expect(confirm).toHaveCount(left - 1);
  }
  await expectAllSaved(vendor);
  await expect
    .poll(() => db.answer.count({ where: { assessmentId, awaitingConfirmation: true } }))
    .toBe(0);

  // The last review: cancelling it changes nothing in the database.
  const before = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
  await vendor.getByRole("button", { name: "Submit answers" }).click();
  const review = vendor.getByRole("dialog", { name: /^Submit your answers to / });
  await expect(review.getByRole("list", { name: "Sections" })).toContainText("answered");
  await expect(review).toContainText("0 evidence files attached.");
  await expect(review.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await expectAccessible(vendor);
  await review.getByRole("button", { name: "Keep editing" }).click();
  await expect(review).toBeHidden();
  const after2 = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
  expect(after2.status).toBe(before.status);
  expect(after2.submittedAt).toBeNull();
  expect(after2.updatedAt).toEqual(before.updatedAt);
  expect(
    await db.auditEvent.count({
      where: { targetId: assessmentId, action: "assessment.submitted" },
    }),
  ).toBe(0);
  await submitAnswers(vendor);

  // The reviewer sees the changed answer badged, and the confirmed ones told apart.
  await proc.goto(`/assessments/${assessmentId}`);
  await expect(proc.locator("#answer-rto_minutes")).toContainText("Changed since last assessment");
  await expect(proc.locator("#answer-rpo_minutes")).toContainText("Confirmed unchanged");
  await expect(proc.locator("#answer-rpo_minutes")).not.toContainText("Changed since");
  // ... and the sites as the vendor saw them: the map and the computed distances.
  await expect(
    proc.getByRole("img", { name: /^Map of the \d+ sites? with coordinates/ }),
  ).toBeVisible();
  const distances = proc.getByRole("table", { name: /Distances between sites/ });
  await expect(
    distances
      .getByRole("row")
      .filter({ hasText: /\d[\d,]* km/ })
      .first(),
  ).toBeVisible();
});
