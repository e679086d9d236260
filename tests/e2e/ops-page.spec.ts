// Guards against an operator trusting backups that are not there: the Backups & drills page
// shows the last backup, the drill's freshness and the recent runs, warns when the last backup
// failed, judges the deployment with the app's own engine, runs a restore drill from the page
// (one at a time, admins only), and is refused to every role but the administrator.
import { assessDrillFreshness } from "@/lib/data/ops";
import { callAction, findAction } from "./authz/server-action";
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

  // Guards against the app's own backups sharing its database's fate unnoticed (issue 15):
  // the e2e app keeps its backups in DATA_DIR/backups, on the database's own filesystem.
  test("an admin sees the deployment's own flags, runs a drill, follows it and keeps its result", async ({
    page,
    context,
    db,
  }) => {
    test.setTimeout(420_000);
    // One drill at a time: wait out any drill another spec may have started.
    await expect
      .poll(() => db.opsRun.count({ where: { kind: "drill", running: true } }), {
        timeout: 240_000,
      })
      .toBe(0);
    const drillsBefore = await db.opsRun.count({ where: { kind: "drill" } });
    const passed = await db.opsRun.findFirst({
      where: { kind: "drill", ok: true },
      orderBy: { finishedAt: "desc" },
    });
    const fresh =
      passed && !assessDrillFreshness({ lastPassedAt: passed.finishedAt, now: new Date() }).overdue;

    await signIn(page, DEMO_USERS.admin);
    await page.goto("/admin/ops");
    const judged = page.locator("section", {
      has: page.getByRole("heading", { name: "This deployment, judged by the app's own rules" }),
    });
    const flags = judged.getByRole("list", { name: "Flags for this deployment" });
    const colocated = flags.getByRole("listitem").filter({ hasText: "BACKUP_COLOCATED" });
    await expect(colocated).toContainText("Backups are kept where production runs");
    await expect(colocated).toContainText(
      "BACKUP_DIR and the database's data folder are the same place",
    );
    const facts = judged.getByRole("definition");
    await expect(
      facts.filter({ hasText: "The same filesystem as the database's data folder" }),
    ).toHaveCount(1);
    await expect(judged.getByText("Embedded", { exact: true })).toBeVisible();
    await expect(flags.getByText("DR_NEVER_TESTED")).toHaveCount(fresh ? 0 : 1);
    const lastDrillFact = judged
      .locator("dl > div")
      .filter({ hasText: "Restore drill last passed" });
    if (!passed) await expect(lastDrillFact).toContainText("Never");
    // An embedded database: no note about an external one's own backups.
    await expect(page.getByRole("heading", { name: /External database/ })).toHaveCount(0);

    // A second tab, opened before the drill starts: its button is still enabled.
    const other = await context.newPage();
    await other.goto("/admin/ops");

    const drill = page.locator("section", {
      has: page.getByRole("heading", { name: "Restore drill", exact: true }),
    });
    await drill.getByRole("button", { name: "Run a restore drill now" }).click();
    await expect(drill.getByRole("status").or(drill.getByRole("alert"))).toContainText(
      "Restore drill started.",
    );
    const latest = drill.locator("section", {
      has: page.getByRole("heading", { name: /Latest restore drill/ }),
    });
    await expect(latest.getByText("Running", { exact: true })).toBeVisible();
    await expect(drill.getByRole("button", { name: "Drill running…" })).toBeDisabled();

    // The second tab's click does not start another drill.
    await other.getByRole("button", { name: "Run a restore drill now" }).click();
    await expect(
      other.getByText("A restore drill is already running; it was not started again."),
    ).toBeVisible();
    await other.close();

    // Progress: the steps appear as they happen, while the drill still runs.
    const steps = latest.getByRole("list", { name: "Drill steps" });
    await expect(steps.getByRole("listitem").filter({ hasText: /^backup: / })).toHaveCount(1, {
      timeout: 120_000,
    });
    await expect(latest.getByText("Passed", { exact: true })).toBeVisible({ timeout: 300_000 });
    await expect(latest).toContainText("drill passed in");

    const runs = await db.opsRun.findMany({
      where: { kind: "drill" },
      orderBy: { startedAt: "desc" },
    });
    expect(runs.length).toBe(drillsBefore + 1);
    const run = runs[0]!;
    expect(run.ok).toBe(true);
    expect(run.running).toBe(false);
    expect(run.steps.map((l) => l.split(":")[0])).toEqual([
      "backup",
      "restore",
      "compare",
      "boot",
      "sign-in",
    ]);

    // Kept: after a reload the result, its steps and the fresh drill's verdict are still there.
    await page.reload();
    await expect(latest.getByText("Passed", { exact: true })).toBeVisible();
    await expect(steps.getByRole("listitem")).toHaveCount(5);
    await expect(latest).toContainText(run.detail!);
    await expect(flags.getByText("DR_NEVER_TESTED")).toHaveCount(0);
    await expect(flags.getByText("DR_TEST_STALE")).toHaveCount(0);
    await expect(lastDrillFact).toContainText(run.finishedAt.toISOString().slice(0, 10));
    await expectAccessible(page);
  });

  for (const role of ["procurement", "manager"] as const) {
    test(`a ${role} cannot start a restore drill`, async ({ page, db }) => {
      await signIn(page, DEMO_USERS[role]);
      const before = await db.opsRun.count({ where: { kind: "drill" } });
      const res = await callAction(page.request, {
        action: findAction({ file: "lib/actions/ops.ts", name: "startDrillAction" }),
        page: "/admin/ops",
        args: [{}],
        origin: process.env.E2E_BASE_URL!,
      });
      expect(res.result).toMatchObject({ status: 403 });
      expect(await db.opsRun.count({ where: { kind: "drill" } })).toBe(before);
    });
  }

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
