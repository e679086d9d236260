// Guards against the conversation on a reopened question breaking between buyer and vendor
// (issue 16): the reviewer's request must reach the vendor as a thread listed at the top with
// a working jump link, the vendor's reply must reach the reviewer (and be delivered to them),
// and the review page must show the value before and after the round.
import type { Prisma } from "@/lib/db";
import {
  createTempUser,
  createVendorLink,
  expect,
  expectAccessible,
  signIn,
  test,
} from "./fixtures";
import { expectAllSaved } from "./portal-helpers";

const QUESTION = "declared_min_separation_km";
const LABEL = "Distance between your primary and secondary sites";

test("reviewer reopens a question with a comment, the vendor replies and fixes it, the reviewer sees both", async ({
  browser,
  db,
}) => {
  const reviewer = await createTempUser(db, { role: "procurement", tag: "threads" });
  const email = `threads-${Date.now()}@vendor.example`;
  const link = await createVendorLink(db, { email });
  // Submitted with two answers, each written once by the vendor (as the portal records them).
  await db.assessment.update({
    where: { id: link.assessmentId },
    data: { status: "submitted", sentAt: new Date(), submittedAt: new Date() },
  });
  for (const [questionId, value] of [
    ["topology", "active_passive"],
    [QUESTION, 30],
  ] as const) {
    const v = value as Prisma.InputJsonValue;
    await db.answer.create({
      data: {
        assessmentId: link.assessmentId,
        questionId,
        value: v,
        updatedByKind: "vendor",
        updatedByInvitationId: link.invitationId,
        revisions: {
          create: {
            version: 1,
            value: v,
            changedByKind: "vendor",
            changedByInvitationId: link.invitationId,
          },
        },
      },
    });
  }

  // The reviewer reopens the distance with a comment.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, reviewer);
  await staff.goto(`/assessments/${link.assessmentId}`);
  const review = staff.getByRole("group", { name: "Request changes" });
  await review.getByRole("checkbox", { name: new RegExp(LABEL) }).check();
  await review
    .getByRole("textbox")
    .fill("30 km is too close for us. How far apart are they really?");
  await review.getByRole("button", { name: /Request changes \(1\)/ }).click();
  await expect(staff.getByText("Changes requested", { exact: true })).toBeVisible();

  // The vendor sees the thread at the top and jumps to it.
  const vendor = await (await browser.newContext()).newPage();
  await vendor.goto(`/respond/${link.token}`);
  const open = vendor.getByRole("region", { name: /Open threads/ });
  await expect(open).toContainText("Open threads (1)");
  await expect(open).toContainText("reopened: change the answer");
  await open.getByRole("link", { name: LABEL }).click();
  await expect(vendor).toHaveURL(new RegExp(`#q-${QUESTION}$`));
  const card = vendor.locator(`#q-${QUESTION}`);
  await expect(card).toBeInViewport();
  const thread = card.getByRole("note", { name: `Thread on “${LABEL}”` });
  await expect(thread).toContainText("30 km is too close for us");
  await expect(thread).toContainText(reviewer.name);
  await expectAccessible(vendor);

  // It replies, then fixes the answer.
  await card
    .getByLabel("Your reply to the reviewer")
    .fill("We measured again: the sites are 7 km apart.");
  await card.getByRole("button", { name: "Send reply" }).click();
  await expect(card.getByRole("status")).toHaveText("Reply sent to the reviewer.");
  await expect(thread).toContainText("We measured again");
  await expect(thread).toContainText(email);
  await card.locator(`#q-${QUESTION}-input`).fill("7");
  await expectAllSaved(vendor);

  // The reply is one event, delivered to the reviewer in the inbox and by mail.
  const reviewerId = (await db.user.findUniqueOrThrow({ where: { email: reviewer.email } })).id;
  const deliveries = await db.delivery.findMany({
    where: {
      event: { assessmentId: link.assessmentId, type: "thread.vendor_replied" },
    },
  });
  expect(deliveries.map((d) => [d.channel, d.userId]).sort()).toEqual([
    ["email", reviewerId],
    ["inbox", reviewerId],
  ]);

  // The reviewer sees the reply and the value before and after, and answers back.
  await staff.reload();
  const item = staff.locator(`#answer-${QUESTION}`);
  await expect(item.getByTestId(`answer-rounds-${QUESTION}`)).toContainText("30 km → 7 km");
  const staffThread = item.getByRole("list", { name: `Thread on “${LABEL}”` });
  await expect(staffThread).toContainText("30 km is too close for us");
  await expect(staffThread).toContainText("We measured again: the sites are 7 km apart.");
  await expect(staffThread).toContainText(email);
  await expectAccessible(staff);
  await item
    .getByLabel("Your comment to the vendor")
    .fill("Thanks: 7 km noted, we will discuss it.");
  await item.getByRole("button", { name: "Add comment" }).click();
  await expect(staffThread).toContainText("7 km noted");

  await vendor.reload();
  await expect(vendor.locator(`#q-${QUESTION}`).getByRole("note")).toContainText("7 km noted");
});
