// Guards against a submission that reaches the vendor owner's mail but not the app: the bell in
// the staff header counts the owner's unread notifications, the inbox lists them newest first,
// each linking to its assessment, and marking one read, then all, lowers the count.
import fs from "node:fs";
import { insertPortalLink } from "../helpers/portal-link";
import { createTempUser, expect, expectAccessible, signIn, test } from "./fixtures";
import { expectAllSaved } from "./portal-helpers";
import { submitAnswers } from "./send-helpers";

const bcdrCore = JSON.parse(fs.readFileSync("questionnaires/bcdr-core.v1.json", "utf8"));
// Every 1.0 question answered: the vendor only has to press "Submit answers".
const wellRun = JSON.parse(fs.readFileSync("tests/fixtures/engine/well-run-vendor.json", "utf8"))
  .input.answers as Record<string, unknown>;

test("a vendor submits: the owner's bell counts it, the inbox links to it, marking read clears it", async ({
  page,
  browser,
  db,
}) => {
  const tag = Date.now();
  const who = await createTempUser(db, { role: "procurement", tag: "inbox" });
  const owner = await db.user.findUniqueOrThrow({ where: { email: who.email } });
  const qv = await db.questionnaireVersion.create({
    data: {
      key: "bcdr-core",
      version: bcdrCore.version,
      title: bcdrCore.title,
      definition: bcdrCore,
      checksum: `e2e-inbox-${tag}`,
    },
  });
  // Two vendors the new user owns, each with a sent assessment whose answers are all saved.
  const links = [];
  for (const name of [`Inbox Alpha ${tag}`, `Inbox Beta ${tag}`]) {
    await db.vendor.create({
      data: { orgId: owner.orgId, name, tier: "moderate", ownerId: owner.id },
    });
    const link = await insertPortalLink(db, {
      vendorName: name,
      email: `dr-${tag}@vendor.example`,
      questionnaireVersionId: qv.id,
    });
    await db.answer.createMany({
      data: Object.entries(wellRun).map(([questionId, value]) => ({
        assessmentId: link.assessmentId,
        questionId,
        value: value as object,
        updatedByKind: "vendor" as const,
      })),
    });
    links.push({ ...link, name });
  }
  const [alpha, beta] = links as [(typeof links)[0], (typeof links)[0]];

  await signIn(page, who);
  await expect(page.getByRole("link", { name: "Notifications, 0 unread" })).toBeVisible();

  // The vendors submit in the portal, Alpha first.
  const vendor = await (await browser.newContext()).newPage();
  for (const l of [alpha, beta]) {
    await vendor.goto(`/respond/${l.token}`);
    await expectAllSaved(vendor);
    await submitAnswers(vendor);
  }

  // The owner's bell counts both; the inbox lists them newest first, each unread.
  await page.goto("/dashboard");
  const bell = page.getByRole("link", { name: "Notifications, 2 unread" });
  await expect(bell).toBeVisible();
  await expect(page.getByTestId("inbox-badge")).toHaveText("2");
  await bell.click();
  await page.waitForURL("**/inbox");
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Notifications, newest first" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(`${beta.name} submitted its questionnaire`);
  await expect(rows.nth(1)).toContainText(`${alpha.name} submitted its questionnaire`);
  for (const l of [alpha, beta]) {
    await expect(
      table.getByRole("link", { name: `${l.name} submitted its questionnaire` }),
    ).toHaveAttribute("href", `/assessments/${l.assessmentId}`);
  }
  await expect(rows.getByText("Unread", { exact: true })).toHaveCount(2);
  await expect(page.getByTestId("inbox-unread")).toHaveText("2 unread");
  await expect(page.getByRole("link", { name: "Choose what reaches you by mail" })).toHaveAttribute(
    "href",
    "/profile",
  );
  await expectAccessible(page);

  // Mark one read, by keyboard: the count drops and focus lands on that notification's link.
  const alphaLink = table.getByRole("link", { name: `${alpha.name} submitted its questionnaire` });
  await page
    .getByRole("button", { name: `Mark read: ${alpha.name} submitted its questionnaire` })
    .focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  await expect(page.getByTestId("inbox-unread")).toHaveText("1 unread");
  await expect(rows.nth(1).getByText("Read", { exact: true })).toBeVisible();
  await expect(rows.nth(1).getByRole("button", { name: /Mark read/ })).toHaveCount(0);
  await expect(alphaLink).toBeFocused();
  expect(
    await db.delivery.count({
      where: { channel: "inbox", userId: owner.id, readAt: { not: null } },
    }),
  ).toBe(1);

  // The link leads to the assessment's review page.
  await table.getByRole("link", { name: `${beta.name} submitted its questionnaire` }).click();
  await page.waitForURL(`**/assessments/${beta.assessmentId}`);
  await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();

  // Mark all read: nothing unread is left, and the bell says so.
  await page.goto("/inbox");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("link", { name: "Notifications, 0 unread" })).toBeVisible();
  await expect(page.getByTestId("inbox-badge")).toHaveCount(0);
  await expect(page.getByTestId("inbox-unread")).toHaveText("Nothing unread.");
  await expect(rows.getByText("Unread", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark all read" })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await expectAccessible(page);

  // The header reaches the profile page too.
  await page.getByRole("link", { name: /your profile/ }).click();
  await page.waitForURL("**/profile");
  await expect(page.getByRole("link", { name: "inbox", exact: true })).toHaveAttribute(
    "href",
    "/inbox",
  );
});
