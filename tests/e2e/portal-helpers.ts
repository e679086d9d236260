import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Answers one question through the portal's real controls, as a person would. */
export async function answer(page: Page, id: string, value: unknown) {
  const card = page.locator(`#q-${id}`);
  await expect(card).toBeVisible();
  if (typeof value === "number") {
    await card.locator(`#q-${id}-input`).fill(String(value));
  } else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    await card.locator(`#q-${id}-input`).fill(value);
  } else if (typeof value === "string") {
    await card.locator(`input[type=radio][value="${value}"]`).check();
  } else if (Array.isArray(value)) {
    const boxes = card.locator("input[type=checkbox]");
    for (const box of await boxes.all()) {
      const want = value.includes(await box.getAttribute("value"));
      if ((await box.isChecked()) !== want) await box.click();
    }
  }
}

/** Waits until the page says every answer is saved. */
export async function expectAllSaved(page: Page) {
  await expect(page.getByTestId("global-save-state")).toHaveText("All answers saved", {
    timeout: 15_000,
  });
}
