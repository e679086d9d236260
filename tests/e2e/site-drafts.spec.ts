import { createVendorLink, expect, test } from "./fixtures";

// Guards against a partly entered site being lost without a word: a site with a name and a city
// but no coordinates used to be refused (422 on every keystroke), dropped from the browser's
// store, and the sidebar still said "All answers saved"; on another device the site was gone.

test("a site without coordinates is kept as a draft, found on another device, and the status never lies", async ({
  browser,
  db,
}) => {
  const link = await createVendorLink(db, { email: "drafts@vendor.example" });
  const first = await browser.newContext();
  const page = await first.newPage();
  const refused: number[] = [];
  page.on("response", (r) => {
    if (r.url().endsWith("/answers") && r.status() !== 200) refused.push(r.status());
  });
  await page.goto(`/respond/${link.token}`);
  const status = page.getByTestId("global-save-state");
  await expect(status).toHaveText("All answers saved");
  // Every text the status line shows from now on.
  await status.evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    new MutationObserver(() => seen.push(el.textContent ?? "")).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });

  await page.getByRole("button", { name: "Add site" }).click();
  const site = page.getByRole("group", { name: /^Site 1/ });
  await site.getByLabel("Name", { exact: true }).fill("Dublin standby");
  await site.getByLabel("Provider", { exact: true }).fill("Own data center");
  await site.getByRole("combobox", { name: "City" }).fill("Dublin");
  await site.getByRole("combobox", { name: "City" }).press("Escape");
  await expect(site.getByTestId("site-incomplete")).toContainText(
    "Site 1 (Dublin standby) needs its location: pick a city or type coordinates",
  );
  await expect(status).toHaveText(
    "All answers saved · 1 site is still incomplete (kept as a draft)",
    { timeout: 15_000 },
  );
  const statuses = await page.evaluate(
    () => (window as unknown as { statuses: string[] }).statuses,
  );
  expect(statuses.length).toBeGreaterThan(0);
  // Honest at every step: never a bare "saved" while the site was only in this browser.
  expect(statuses.filter((s) => s === "All answers saved")).toEqual([]);
  expect(refused).toEqual([]);
  const row = await db.answer.findFirstOrThrow({
    where: { assessmentId: link.assessmentId, questionId: "sites" },
  });
  expect(row.value).toEqual([]);
  expect(row.drafts).toMatchObject([{ id: "site-1", name: "Dublin standby", city: "Dublin" }]);
  await first.close();

  // Another device: nothing in local storage, the draft comes from the server.
  const second = await browser.newContext();
  const other = await second.newPage();
  await other.goto(`/respond/${link.token}`);
  const again = other.getByRole("group", { name: "Site 1: Dublin standby" });
  await expect(again).toBeVisible();
  await expect(again.getByTestId("site-incomplete")).toContainText("needs its location");
  await expect(other.getByTestId("global-save-state")).toContainText("still incomplete");

  // Submitting waits for the draft, and says what it needs, linked to the question.
  await other.getByRole("button", { name: "Submit answers" }).click();
  const missing = other.getByRole("list", { name: "What is missing" });
  await expect(
    missing.getByRole("link", { name: /Site 1 \(Dublin standby\) needs its location/ }),
  ).toHaveAttribute("href", "#q-sites");

  // Completing the site moves it into the answer; then everything is saved.
  await again.getByLabel("Country code").fill("IE");
  await again.getByLabel("Latitude").fill("53.35");
  await again.getByLabel("Longitude").fill("-6.26");
  await expect(again.getByTestId("site-incomplete")).toHaveCount(0);
  await expect(other.getByTestId("global-save-state")).toHaveText("All answers saved", {
    timeout: 15_000,
  });
  const done = await db.answer.findFirstOrThrow({
    where: { assessmentId: link.assessmentId, questionId: "sites" },
  });
  expect(done.value).toMatchObject([{ id: "site-1", country: "IE", lat: 53.35, lon: -6.26 }]);
  expect(done.drafts).toBeNull();
  await second.close();
});
