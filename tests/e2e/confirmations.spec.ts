// Guards against risky actions that act in one click: changing a role, deactivating a user,
// revoking a vendor link, cancelling an assessment and rejecting one each ask first, name the
// consequence, and cancelling (button or Escape) changes nothing in the database.
import {
  createTempUser,
  createVendorLink,
  DEMO_USERS,
  expect,
  expectAccessible,
  signIn,
  test,
} from "./fixtures";

test("each risky action asks first; cancelling changes nothing, confirming acts", async ({
  page,
  db,
}) => {
  const temp = await createTempUser(db, { role: "manager", tag: "confirm" });
  const user = () => db.user.findUniqueOrThrow({ where: { email: temp.email } });
  await signIn(page, DEMO_USERS.admin);
  await page.goto("/admin/users");

  // A role change: picking a role only asks.
  const role = page.getByLabel(`Role of ${temp.name}`);
  await role.focus();
  await role.selectOption("procurement");
  const roleDialog = page.getByRole("dialog", { name: `Make ${temp.name} Procurement officer?` });
  await expect(roleDialog).toHaveAccessibleDescription(
    new RegExp(`${temp.name} will lose access to accepting risks, exporting reports at once`),
  );
  await expect(roleDialog.getByRole("button", { name: "Keep the role" })).toBeFocused();
  await expectAccessible(page);
  await roleDialog.getByRole("button", { name: "Keep the role" }).click();
  await expect(roleDialog).toBeHidden();
  await expect(role).toHaveValue("manager");
  await expect(role).toBeFocused();
  // Escape backs out too, and focus returns to the select.
  await role.selectOption("admin");
  await expect(
    page.getByRole("dialog", { name: `Make ${temp.name} Administrator?` }),
  ).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(role).toBeFocused();
  expect((await user()).role).toBe("manager");

  // Deactivating.
  await page.getByRole("button", { name: `Deactivate ${temp.name}` }).click();
  const deactivate = page.getByRole("dialog", { name: `Deactivate ${temp.name}?` });
  await expect(deactivate).toHaveAccessibleDescription(
    new RegExp(`${temp.name} will lose access to this workspace at once`),
  );
  await deactivate.getByRole("button", { name: "Keep the account active" }).click();
  await expect(deactivate).toBeHidden();
  await expect(page.getByRole("button", { name: `Deactivate ${temp.name}` })).toBeFocused();
  expect((await user()).active).toBe(true);

  // Confirming one acts: the role change applies.
  await role.selectOption("procurement");
  await page
    .getByRole("dialog")
    .getByRole("button", { name: `Yes, make ${temp.name} Procurement officer` })
    .click();
  await expect(page.getByRole("status")).toContainText(`${temp.name} is now Procurement officer`);
  await expect.poll(async () => (await user()).role).toBe("procurement");
  expect((await user()).active).toBe(true);

  // Revoking a vendor link.
  const email = `confirm-${Date.now()}@vendor.example`;
  const link = await createVendorLink(db, { email });
  await page.goto(`/assessments/${link.assessmentId}`);
  await page.getByRole("button", { name: `Revoke link of ${email}` }).click();
  const revoke = page.getByRole("dialog", { name: `Revoke the link of ${email}?` });
  await expect(revoke).toHaveAccessibleDescription(
    new RegExp(`The link of ${email} stops working at once`),
  );
  await revoke.getByRole("button", { name: "Keep the link" }).click();
  await expect(revoke).toBeHidden();
  const invitation = await db.invitation.findUniqueOrThrow({ where: { id: link.invitationId } });
  expect(invitation.revokedAt).toBeNull();

  // Cancelling the assessment: the reason is checked, then the consequence is named.
  const cancelForm = page.getByRole("form", { name: "Cancel assessment" });
  await cancelForm.getByLabel("Reason for cancelling").fill("Sent to the wrong vendor.");
  const cancelButton = cancelForm.getByRole("button", { name: "Cancel assessment…" });
  await cancelButton.click();
  const cancel = page.getByRole("dialog", { name: "Cancel this assessment?" });
  await expect(cancel).toHaveAccessibleDescription(/The vendor's links will stop working/);
  await expect(cancel.getByRole("button", { name: "Keep the assessment" })).toBeFocused();
  await cancel.getByRole("button", { name: "Keep the assessment" }).click();
  await expect(cancel).toBeHidden();
  await expect(cancelButton).toBeFocused();
  await cancelButton.click();
  await expect(cancel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(cancel).toBeHidden();
  const kept = await db.assessment.findUniqueOrThrow({
    where: { id: link.assessmentId },
    include: { invitations: true },
  });
  expect({
    status: kept.status,
    cancelledAt: kept.cancelledAt,
    cancelReason: kept.cancelReason,
    revoked: kept.invitations.map((i) => i.revokedAt),
  }).toEqual({ status: "sent", cancelledAt: null, cancelReason: null, revoked: [null] });

  // Rejecting a submitted assessment.
  await db.assessment.update({
    where: { id: link.assessmentId },
    data: { status: "submitted", submittedAt: new Date() },
  });
  try {
    await page.reload();
    const decision = page.getByRole("group", { name: "Decision" });
    await decision.getByRole("button", { name: "Reject…" }).click();
    const reject = page.getByRole("dialog", { name: "Reject this assessment?" });
    await expect(reject).toHaveAccessibleDescription(
      /The vendor is told the assessment was rejected/,
    );
    await expectAccessible(page);
    await reject.getByRole("button", { name: "Keep it under review" }).click();
    await expect(reject).toBeHidden();
    const a = await db.assessment.findUniqueOrThrow({ where: { id: link.assessmentId } });
    expect({ status: a.status, decidedAt: a.decidedAt }).toEqual({
      status: "submitted",
      decidedAt: null,
    });
  } finally {
    // Leave the demo vendor as the other specs expect it: an open, sent assessment.
    await db.assessment.update({ where: { id: link.assessmentId }, data: { status: "sent" } });
  }
});
