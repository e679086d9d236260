// Guards against webhooks that cannot be trusted or followed: an administrator registers an
// endpoint on the page (a private address is refused, naming the field; the signing secret
// is shown once), a vendor's real submission reaches an allowlisted local receiver as a signed
// `assessment.submitted` event whose signature verifies, a receiver that fails twice (500)
// gets the third retry, and the page's log shows every attempt.
import { Webhook } from "standardwebhooks";
import { startReceiver } from "../helpers/webhook-receiver";
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";
import { sendWithAnswers, submitAnswers } from "./send-helpers";

test("a signed webhook reaches the receiver after two failures, and the page logs the attempts", async ({
  page,
  browser,
  db,
}) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver({ statuses: [500, 500, 200] });
  try {
    await signIn(page, DEMO_USERS.admin);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    const form = page.getByRole("form", { name: "Add a webhook endpoint" });

    // A private address is refused, under the URL field, and nothing is saved.
    await form.getByLabel("Endpoint URL").fill("http://10.0.0.1/hook");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form.getByText(/^Endpoint URL points to 10\.0\.0\.1, a private/)).toBeVisible();
    expect(await db.webhookEndpoint.count({ where: { url: "http://10.0.0.1/hook" } })).toBe(0);

    await form.getByLabel("Endpoint URL").fill(receiver.url);
    await form.getByLabel("Description (optional)").fill("E2E receiver");
    await expect(form.getByRole("checkbox", { name: /Assessment submitted/ })).toBeChecked();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    const secret = await page.getByLabel("Signing secret", { exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    const endpoint = await db.webhookEndpoint.findFirstOrThrow({ where: { url: receiver.url } });
    expect(endpoint.secretEncrypted).not.toContain(secret.slice(6));
    await expectAccessible(page);

    // A real submission through the portal.
    const { assessmentId, vendorPage } = await sendWithAnswers(browser, db, {
      name: "Webhook Receiver Co",
    });
    await submitAnswers(vendorPage);

    // Fails, fails, succeeds: the delivery job runs every 5 s, retries 0.1 s and 0.3 s later.
    await expect.poll(() => receiver.received.length, { timeout: 90_000 }).toBe(3);
    const last = receiver.received[2]!;
    const event = new Webhook(secret).verify(last.body, {
      "webhook-id": String(last.headers["webhook-id"]),
      "webhook-timestamp": String(last.headers["webhook-timestamp"]),
      "webhook-signature": String(last.headers["webhook-signature"]),
    }) as { id: string; type: string; data: { assessmentId: string; vendorName: string } };
    expect(event).toMatchObject({
      type: "assessment.submitted",
      data: { assessmentId, vendorName: "Webhook Receiver Co" },
    });
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(
      new Set([event.id]),
    );

    await page.reload();
    const log = page.getByRole("table", { name: `Delivery attempts to ${receiver.url}` });
    await expect(log.getByRole("row")).toHaveCount(4); // header + three attempts
    await expect(log.getByRole("row").nth(1)).toContainText("Delivered");
    await expect(log.getByRole("row").nth(1)).toContainText("200");
    await expect(log.getByRole("row").nth(2)).toContainText("Failed");
    await expect(log.getByRole("row").nth(2)).toContainText("HTTP 500");
    await expect(log.getByRole("row").nth(3)).toContainText("HTTP 500");

    // Editing keeps the secret and the log; no event left is refused naming the field.
    await page.getByText(`Edit ${receiver.url}`, { exact: true }).click();
    const edit = page.getByRole("form", { name: `Edit ${receiver.url}` });
    await edit.getByRole("checkbox", { name: /Assessment submitted/ }).uncheck();
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await expect(edit.getByText("Events: choose at least one event")).toBeVisible();
    await edit.getByRole("checkbox", { name: /Flag raised at high or critical/ }).check();
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await expect(edit.getByText("Endpoint saved.")).toBeVisible();
    await expect
      .poll(
        async () =>
          (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).events,
      )
      .toEqual(["flag.raised"]);

    // Rotating shows a new secret once; turning it off shows on the page.
    await page
      .getByRole("button", { name: `Rotate the signing secret of ${receiver.url}` })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, make a new secret" }).click();
    await expect(page.getByLabel("Signing secret", { exact: true })).not.toHaveValue(secret);
    await expect(page.getByLabel("Signing secret", { exact: true })).toHaveValue(/^whsec_/);
    await page.getByRole("button", { name: `Turn off ${receiver.url}` }).click();
    await expect(page.getByRole("button", { name: `Turn on ${receiver.url}` })).toBeVisible();
    const audit = await db.auditEvent.findMany({
      where: { targetId: endpoint.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "webhook.created",
      "webhook.updated",
      "webhook.secret_rotated",
      "webhook.disabled",
    ]);
    await page.getByRole("button", { name: `Delete ${receiver.url}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, delete it" }).click();
    await expect(page.getByText("No endpoints yet.")).toBeVisible();
  } finally {
    await receiver.close();
  }
});
