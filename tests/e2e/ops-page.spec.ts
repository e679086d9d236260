// Guards against an operator trusting backups that are not there: the Backups & drills page
// shows the last backup, the drill's freshness and the recent runs, warns when the last backup
// failed, and is refused to every role but the administrator.
import { assessDrillFreshness } from "@/lib/data/ops";
import { DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";

test.describe("Backups & drills page", () => {
  test("an admin sees the last backup, the drill status and the recent runs", async ({
    page,
    db,
  }) => {
    const tag = `e2e-${Date.now()}`;
    const file = `/nonexistent/backup-${tag}.bcdr.gz`;
    // Dated a few minutes ahead: the app's own scheduled backup (every 15 minutes) must not
    // become the newest backup while this test runs.
    const finishedAt = new Date(Date.now() + 5 * 60_000);
    await db.opsRun.create({
      data: {
        kind: "backup",
        ok: true,
        file,
        detail: `backup ${tag}`,
        startedAt: new Date(+finishedAt - 1500),
        finishedAt,
      },
    });
    await signIn(page, DEMO_USERS.admin);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Backups", exact: true })
      .click();
    await expect(page).toHaveURL(/\/admin\/ops$/);
    await expect(page.getByRole("heading", { level: 1, name: "Backups & drills" })).toBeVisible();

    const lastBackup = page.locator("section", {
      has: page.getByRole("heading", { name: "Last backup" }),
    });
    await expect(lastBackup).toContainText(file);
    await expect(lastBackup).toContainText("file no longer on disk");
    await expect(lastBackup.getByText("OK", { exact: true })).toBeVisible();

    const table = page.getByRole("table", {
      name: "Recent backup and restore drill runs, newest first",
    });
    const row = table.getByRole("row").filter({ hasText: `backup ${tag}` });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell").nth(0)).toHaveText("Backup");

    // The warning follows the newest passed drill in the database (the drill spec may have run).
    const passed = await db.opsRun.findFirst({
      where: { kind: "drill", ok: true },
      orderBy: { finishedAt: "desc" },
    });
    const { overdue } = assessDrillFreshness({
      lastPassedAt: passed?.finishedAt ?? null,
      now: new Date(),
    });
    const warning = page.getByRole("heading", { name: "Warning: restore drill overdue" });
    await expect(warning).toHaveCount(overdue ? 1 : 0);
    const lastDrill = page.locator("section", {
      has: page.getByRole("heading", { name: "Last passed restore drill" }),
    });
    await expect(lastDrill).toContainText(passed?.detail ?? "No restore drill has passed yet.");
    await expectAccessible(page);
  });

  // Guards against a failed backup hiding behind an older "OK" (issue 12, item 1): the page
  // says the last backup failed, why, and when the newest good one was taken.
  test("a failed last backup is a warning naming its reason and the newest good backup", async ({
    page,
    db,
  }) => {
    const tag = `e2e-failed-${Date.now()}`;
    // Newer than the first test's OK backup (5 minutes ahead) and than any scheduled one.
    const finishedAt = new Date(Date.now() + 6 * 60_000);
    const run = await db.opsRun.create({
      data: {
        kind: "backup",
        ok: false,
        detail: `no space left on the backup disk (ENOSPC) ${tag}`,
        startedAt: new Date(+finishedAt - 800),
        finishedAt,
      },
    });
    try {
      await signIn(page, DEMO_USERS.admin);
      await page.goto("/admin/ops");
      const warning = page.locator("section", {
        has: page.getByRole("heading", { name: "Warning: the last backup failed" }),
      });
      await expect(warning).toContainText(
        `Reason: no space left on the backup disk (ENOSPC) ${tag}`,
      );
      const good = await db.opsRun.findFirst({
        where: { kind: "backup", ok: true },
        orderBy: { finishedAt: "desc" },
      });
      await expect(warning).toContainText(
        good ? "The newest good backup is from" : "No backup has ever succeeded.",
      );
      const lastBackup = page.locator("section", {
        has: page.getByRole("heading", { name: "Last backup" }),
      });
      await expect(lastBackup.getByText("Failed", { exact: true })).toBeVisible();
      await expectAccessible(page);
    } finally {
      await db.opsRun.delete({ where: { id: run.id } });
    }
  });

  for (const role of ["procurement", "manager"] as const) {
    test(`a ${role} gets 403 and no Backups link`, async ({ page }) => {
      await signIn(page, DEMO_USERS[role]);
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "Dashboard", exact: true })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Backups", exact: true })).toHaveCount(0);
      const res = await page.goto("/admin/ops");
      expect(res?.status()).toBe(403);
      await expect(
        page.getByRole("heading", { name: "Not available for your role" }),
      ).toBeVisible();
      await expect(page.getByText("Backups & drills")).toHaveCount(0);
    });
  }
});
