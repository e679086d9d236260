// Guards against two production mistakes: app instances on one database that each sign sessions
// with a secret of their own (a manager signed in through one is sent to /login by the other),
// and an empty production database opened with the README's well-known demo passwords. Real
// `lib/cli/start.ts` processes on a database of their own, over real HTTP.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db";
import { createDatabase, dropDatabase } from "@/lib/db/scratch-db";
import { bootApp, type TBootedApp } from "@/lib/ops/app-boot";
import { signInOverHttp } from "@/lib/ops/http-signin";
import {
  alertMessage,
  appDatabaseUrl,
  DEMO_USERS,
  expect,
  expectAccessible,
  test,
} from "./fixtures";
import { appCode } from "./totp";

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-instance-"));
  fs.chmodSync(dir, 0o755);
  return dir;
};

test("an instance on an external database without AUTH_SECRET refuses to start, naming it", () => {
  const dir = tempDir();
  const r = spawnSync("node_modules/.bin/tsx", ["lib/cli/start.ts"], {
    env: { ...process.env, DATABASE_URL: appDatabaseUrl(), DATA_DIR: dir, AUTH_SECRET: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("AUTH_SECRET is required when DATABASE_URL is set");
  expect(r.stderr).toContain("openssl rand -base64 32");
  expect(fs.existsSync(path.join(dir, "auth-secret"))).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("two instances with one secret: the first admin sets up once, and a session from one instance is valid on the other", async ({
  page,
}) => {
  test.setTimeout(400_000);
  const server = appDatabaseUrl();
  const name = `e2e_instances_${crypto.randomBytes(4).toString("hex")}`;
  const url = await createDatabase({ url: server, name });
  const authSecret = crypto.randomBytes(32).toString("base64");
  const dirs = [tempDir(), tempDir()];
  const apps: TBootedApp[] = [];
  const prisma = createPrismaClient({ url });
  try {
    // Instance 1 migrates the empty database and, with no DEMO_DATA, logs one setup link.
    apps.push(await bootApp({ databaseUrl: url, dataDir: dirs[0]!, authSecret }));
    const [one] = apps;
    // start.ts itself (migrations, the setup link), not the drill's `next start` fallback.
    expect(one!.via).toBe("start.ts");
    const links = one!.output().match(/https?:\/\/\S+\/setup\/[A-Za-z0-9_-]{43}/g) ?? [];
    expect(links, one!.output()).toHaveLength(1);
    expect(await prisma.user.count()).toBe(0);

    await page.goto(links[0]!);
    await expect(page.getByRole("heading", { name: "Set up your organisation" })).toBeVisible();
    await expectAccessible(page);
    // Bad input is named by field, and nothing is set up.
    await page.getByLabel("Organisation name").fill("Northwind Bank");
    await page.getByLabel("Your name").fill("Nora Admin");
    await page.getByLabel("Email").fill("nora@northwind.example");
    await page.getByLabel("Password").fill("too short");
    await page.getByRole("button", { name: "Create organisation and admin" }).click();
    await expect(page.getByText("Password needs at least 12 characters")).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
    expect(await prisma.organization.count()).toBe(0);
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByLabel("Password").press("Enter");
    await page.waitForURL("**/login");
    // The link worked once.
    await page.goto(links[0]!);
    await expect(alertMessage(page)).toHaveText(/used already/);

    // A new organisation requires two-factor sign-in of its admins: Nora is sent to set it up
    // after her password, and enrols as with an authenticator app.
    await page.goto(`${one!.baseUrl}/login`);
    await page.getByLabel("Email").fill("nora@northwind.example");
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/two-factor");
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const totpSecret = (await page.getByTestId("totp-key").textContent())!.trim();
    await page.getByLabel("Code from your app").fill(appCode(totpSecret));
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await expect(page.getByRole("list", { name: "Recovery codes" })).toBeVisible();

    const demoEmails = Object.values(DEMO_USERS).map((u) => u.email);
    expect(await prisma.user.count({ where: { email: { in: demoEmails } } })).toBe(0);
    expect(await prisma.user.findMany({ select: { email: true, role: true } })).toEqual([
      { email: "nora@northwind.example", role: "admin" },
    ]);

    // Instance 2, its own DATA_DIR, the same secret: set up already, so no link is logged.
    apps.push(await bootApp({ databaseUrl: url, dataDir: dirs[1]!, authSecret }));
    const two = apps[1]!;
    expect(two.output()).not.toContain("/setup/");
    const { session } = await signInOverHttp({
      baseUrl: one!.baseUrl,
      email: "nora@northwind.example",
      password: "a long enough passphrase",
      // The enrolment spent the current step: the app's next code.
      code: appCode(totpSecret, { next: true }),
    });
    const res = await fetch(`${two.baseUrl}/dashboard`, {
      headers: { cookie: session },
      redirect: "manual",
    });
    expect(res.headers.get("location")).toBeNull();
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Nora Admin");
  } finally {
    for (const app of apps) await app.stop();
    await prisma.$disconnect();
    await dropDatabase({ url: server, name });
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
});
