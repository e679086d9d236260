import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { createPrismaClient } from "@/lib/db";
import { hashPassword } from "@/lib/passwords";
import { embeddedUrl, readPidFile } from "@/lib/pg/embedded";
import { DEMO_USERS } from "@/prisma/demo-data";
import { insertPortalLink } from "../helpers/portal-link";

export { DEMO_USERS, expect };

/** The app's own database, found the way every command finds it: DATA_DIR/pg/postmaster.pid. */
/** The URL of the app's database on the embedded server the e2e run started. */
export function appDatabaseUrl() {
  const pgDir = path.join(process.env.E2E_DATA_DIR!, "pg");
  const running = readPidFile({ pgDir });
  if (!running) throw new Error(`no embedded server running in ${pgDir}`);
  return embeddedUrl({ pgDir, port: running.port });
}

export function appDatabase() {
  return createPrismaClient({ url: appDatabaseUrl() });
}

export const test = base.extend<{ db: ReturnType<typeof createPrismaClient> }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixture signature
  db: async ({}, use) => {
    const db = appDatabase();
    await use(db);
    await db.$disconnect();
  },
});

export async function signIn(page: Page, { email, password }: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL("**/dashboard");
}

/** A throwaway user in the demo organisation, created directly in the database. */
export async function createTempUser(
  db: ReturnType<typeof createPrismaClient>,
  { role, tag }: { role: "admin" | "procurement" | "manager"; tag: string },
) {
  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.admin.email } });
  const password = `temp-pass-${tag}-2026`;
  const email = `${tag}-${Date.now()}@demo.example`;
  await db.user.create({
    data: {
      orgId: admin.orgId,
      email,
      name: `Temp ${tag}`,
      role,
      passwordHash: await hashPassword({ password }),
    },
  });
  return { email, password, name: `Temp ${tag}` };
}

/** axe-core: no serious or critical accessibility violation on the page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")})`,
    ),
  ).toEqual([]);
}

/** The page's alert messages, without Next's empty route announcer (also role=alert). */
export const alertMessage = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

export type TDb = ReturnType<typeof createPrismaClient>;
const bcdrCore = JSON.parse(fs.readFileSync("questionnaires/bcdr-core.v1.json", "utf8"));

/**
 * A sent bcdr-core assessment of a demo vendor with one invitation link, made directly in the
 * database; `expiresAt` / `revokedAt` make expired or revoked links.
 */
export async function createVendorLink(
  db: TDb,
  {
    email = "x@vendor.example",
    vendorName = "HR Orbit",
    expiresAt,
    revokedAt,
  }: { email?: string; vendorName?: string; expiresAt?: Date; revokedAt?: Date } = {},
) {
  const qv = await db.questionnaireVersion.create({
    data: {
      key: "bcdr-core",
      version: bcdrCore.version,
      title: bcdrCore.title,
      definition: bcdrCore,
      checksum: `test-${Date.now()}-${Math.random()}`,
    },
  });
  return insertPortalLink(db, {
    vendorName,
    email,
    questionnaireVersionId: qv.id,
    expiresAt,
    revokedAt,
  });
}
