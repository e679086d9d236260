// Guards against a buyer and a vendor who cannot hear each other (issue 16), end to end in three
// browsers with mail read from the SMTP sink: the vendor submits and the owner is mailed and
// sees it in the bell; the reviewer reopens two questions with comments and the vendor is
// mailed a jump link to each; the vendor follows one, replies on a thread and fixes both; the
// reviewer sees the reply and each value before and after; accepting mails the vendor a note.
import { createTempUser, expect, expectAccessible, test } from "./fixtures";
import { readMails } from "./mail";
import { sendWithAnswers, submitAnswers } from "./send-helpers";

const tag = Date.now();
const FIRST = { id: "declared_min_separation_km", label: /Distance between your primary/ };
const SECOND = { id: "rto_minutes", label: /Recovery time objective \(RTO\)/ };

/** The newest mail to `to` whose subject matches, once the delivery job has sent it. */
async function mailTo(to: string, subject: RegExp, after: number) {
  let found: ReturnType<typeof readMails>[number] | undefined;
  await expect
    .poll(
      () => {
        found = readMails()
          .filter((m) => Number(m.file.split("-")[0]) >= after)
          .reverse()
          .find((m) => m.to.includes(to) && subject.test(m.subject));
        return Boolean(found);
      },
      {
        timeout: 30_000,
        message: `a mail to ${to} matching ${subject}; received: ${readMails()
          .slice(-6)
          .map((m) => `${m.to} «${m.subject}»`)
          .join("; ")}`,
      },
    )
    .toBe(true);
  return found!;
}

test("submit, request changes on two questions, reply and fix, accept: each side is told", async ({
  browser,
  db,
}) => {
  test.setTimeout(240_000);
  const reviewer = await createTempUser(db, { role: "procurement", tag: "conversation" });
  const name = `Conversation Vendor ${tag}`;
  const { assessmentId, email, proc, vendorPage } = await sendWithAnswers(browser, db, {
    name,
    staff: reviewer,
  });

  // The vendor submits: the owner (who also sent it) is mailed and the bell counts it.
  let since = Date.now();
  await submitAnswers(vendorPage);
  const submitted = await mailTo(reviewer.email, /submitted its BC\/DR questionnaire/, since);
  expect(submitted.body).toContain(`/assessments/${assessmentId}`);
  await proc.goto(`/assessments/${assessmentId}`);
  await expect(proc.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();

  // The reviewer reopens two questions, each with a comment.
  const review = proc.getByRole("group", { name: "Request changes" });
  await review.getByRole("checkbox", { name: FIRST.label }).check();
  await review.getByRole("checkbox", { name: SECOND.label }).check();
  const boxes = review.getByRole("textbox");
  await expect(boxes).toHaveCount(2);
  await boxes.nth(0).fill("150 km is under our 300 km: how far apart are the sites really?");
  await boxes.nth(1).fill("Please confirm the RTO you can hold during a regional outage.");
  since = Date.now();
  await review.getByRole("button", { name: /Request changes \(2\)/ }).click();
  await expect(proc.getByText("Changes requested", { exact: true })).toBeVisible();

  // The vendor is mailed a jump link to each reopened question and follows the first.
  const asked = await mailTo(email, /asks for changes/, since);
  const jumps = [...asked.body.matchAll(/https?:\/\/\S+\/respond\/[A-Za-z0-9_-]{43}#q-([a-z_]+)/g)];
  expect(jumps.map((j) => j[1]).sort()).toEqual([FIRST.id, SECOND.id].sort());
  const jump = jumps.find((j) => j[1] === FIRST.id)![0];
  await vendorPage.goto(jump);
  const card = vendorPage.locator(`#q-${FIRST.id}`);
  await expect(card).toBeInViewport();
  await expect(vendorPage.getByRole("region", { name: /Open threads/ })).toContainText(
    "Open threads (2)",
  );
  await expect(card.getByRole("note")).toContainText("how far apart are the sites really");

  // It replies on that thread and fixes both answers, then submits again.
  await card.getByLabel("Your reply to the reviewer").fill("We re-measured: 320 km apart.");
  await card.getByRole("button", { name: "Send reply" }).click();
  await expect(card.getByRole("status")).toHaveText("Reply sent to the reviewer.");
  await card.locator(`#q-${FIRST.id}-input`).fill("320");
  await vendorPage.locator(`#q-${SECOND.id}-input`).fill("180");
  await expect(vendorPage.getByTestId("global-save-state")).toHaveText("All answers saved", {
    timeout: 15_000,
  });
  await expectAccessible(vendorPage);
  await submitAnswers(vendorPage);

  // The reviewer is told of the reply, and sees it and both values before and after.
  await mailTo(reviewer.email, /replied on/, since);
  await proc.reload();
  const first = proc.locator(`#answer-${FIRST.id}`);
  await expect(first.getByTestId(`answer-rounds-${FIRST.id}`)).toContainText("150 km → 320 km");
  await expect(first).toContainText("We re-measured: 320 km apart.");
  await expect(proc.getByTestId(`answer-rounds-${SECOND.id}`)).toContainText("→");
  await expectAccessible(proc);

  // Accepting mails the vendor a short note.
  since = Date.now();
  await proc.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(proc.getByText("Accepted", { exact: true })).toBeVisible();
  const note = await mailTo(email, /has accepted your BC\/DR questionnaire/, since);
  expect(note.body).toContain(name);
  expect(note.body).not.toContain("150 km is under our 300 km"); // nothing confidential
});
