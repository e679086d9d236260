import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db";
import { embeddedUrl, freePort, readPidFile, stopEmbeddedPostgres } from "@/lib/pg/embedded";
import { childrenOf, killTree } from "../helpers/processes";
import { createVendorLink, expect, test } from "./fixtures";
import { answer, expectAllSaved } from "./portal-helpers";

// Guards against losing a vendor's answers: the server is killed (SIGKILL) in the middle of
// autosaves and restarted, and the browser goes offline and back. Every acknowledged answer
// must be in the database, and every unacknowledged one resent once, never applied twice.

async function startApp(dataDir: string, port: number) {
  // The app's own output goes to DATA_DIR/app.log, printed when the test fails.
  const log = fs.openSync(path.join(dataDir, "app.log"), "a");
  const child = spawn("node_modules/.bin/tsx", ["lib/cli/start.ts"], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      SMTP_URL: "",
    },
    detached: true,
    stdio: ["ignore", log, log],
  });
  await expect
    .poll(
      async () =>
        (await fetch(`http://localhost:${port}/api/health`).catch(() => null))?.status ?? 0,
      { timeout: 120_000 },
    )
    .toBe(200);
  return child;
}

/** A crash: the app's whole process tree dies at once (the database, a daemon, survives). */
const kill = (child: ChildProcess) => killTree({ pid: child.pid! });

test("answers survive a server crash, a restart and going offline, each applied once", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-crash-app-"));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  let app = await startApp(dataDir, port);
  const pgDir = path.join(dataDir, "pg");
  const db = createPrismaClient({
    url: embeddedUrl({ pgDir, port: readPidFile({ pgDir })!.port }),
  });
  try {
    const { token, assessmentId } = await createVendorLink(db, { vendorName: "PayBridge Gateway" });

    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`http://localhost:${port}/respond/${token}`);
    await answer(page, "topology", "active_passive");
    await answer(page, "rto_minutes", 240);
    await expectAllSaved(page);

    // The server dies; the vendor keeps answering.
    kill(app);
    await answer(page, "rpo_minutes", 15);
    await answer(page, "shared_control_plane", "no");
    await expect(page.getByTestId("global-save-state")).toContainText("not saved yet", {
      timeout: 15_000,
    });

    // A reload while the server is down would lose the page, so the browser keeps the
    // unsent answers; the server comes back and they go out by themselves.
    app = await startApp(dataDir, port);
    await expectAllSaved(page);

    // Offline, then a reload that fails, then online again: the answer typed offline was
    // kept in the browser and goes out once the page is back.
    await ctx.setOffline(true);
    await answer(page, "customer_notification_hours", 2);
    await expect(
      page.locator('#q-customer_notification_hours [data-save-state="offline"]'),
    ).toBeVisible({ timeout: 15_000 });
    await page.reload().catch(() => {}); // offline reload fails; the typed answer is in localStorage
    await ctx.setOffline(false);
    await page.goto(`http://localhost:${port}/respond/${token}`);
    await expectAllSaved(page);
    await expect(page.locator("#q-customer_notification_hours-input")).toHaveValue("2");

    const rows = await db.answer.findMany({
      where: { assessmentId },
      include: { revisions: true },
    });
    const byId = Object.fromEntries(rows.map((r) => [r.questionId, r]));
    expect(byId.topology?.value).toBe("active_passive");
    expect(byId.rto_minutes?.value).toBe(240);
    expect(byId.rpo_minutes?.value).toBe(15);
    expect(byId.shared_control_plane?.value).toBe("no");
    expect(byId.customer_notification_hours?.value).toBe(2);
    // Each answer was applied exactly once: one revision per answer, version 1.
    for (const r of rows) {
      expect(r.version, r.questionId).toBe(1);
      expect(r.revisions, r.questionId).toHaveLength(1);
    }
    await ctx.close();
  } catch (e) {
    const log = path.join(dataDir, "app.log");
    if (fs.existsSync(log))
      console.log(`--- app log ---\n${fs.readFileSync(log, "utf8").slice(-6000)}`);
    throw e;
  } finally {
    await db.$disconnect();
    kill(app);
    try {
      stopEmbeddedPostgres({ pgDir });
    } catch {}
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("a killed supervisor takes its server with it, so a restart on the same port works", async () => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-orphan-app-"));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  let app = await startApp(dataDir, port);
  const pgDir = path.join(dataDir, "pg");
  try {
    // tsx → lib/cli/start.ts (the supervisor) → next-server (own process group).
    const supervisor = childrenOf(app.pid!);
    const server = supervisor.flatMap(childrenOf);
    expect(server.length).toBeGreaterThan(0);
    for (const pid of [app.pid!, ...supervisor]) process.kill(pid, "SIGKILL");
    // Gone or a zombie (exited, not yet reaped: this container's init may never reap it).
    const running = (pid: number) =>
      /^[^Z]/.test(
        spawnSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).stdout.trim(),
      );
    await expect.poll(() => server.filter(running).length, { timeout: 15_000 }).toBe(0);
    app = await startApp(dataDir, port);
    const log = fs.readFileSync(path.join(dataDir, "app.log"), "utf8");
    expect(log).toContain("supervisor");
    expect(log).not.toContain("EADDRINUSE");
  } finally {
    kill(app);
    try {
      stopEmbeddedPostgres({ pgDir });
    } catch {}
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
