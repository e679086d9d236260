import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../db";
import { dropDatabase } from "../db/scratch-db";
import { hashPassword } from "../passwords";
import { bootApp, DrillError, type TBootedApp } from "./app-boot";
import { createBackup } from "./backup";
import { distDirName } from "./build-stamp";
import { compareWithSnapshot } from "./compare";
import { signInOverHttp } from "./http-signin";
import { totalRows } from "./manifest";
import { restoreBackup } from "./restore";
import { countOf, formatBytes, formatSeconds } from "./summary";

export { DrillError };
export type TDrillStep = "backup" | "restore" | "compare" | "boot" | "sign-in" | "cleanup";

/** A failed drill: `step` is where, the message says exactly what differed. */
export class DrillFailure extends Error {
  constructor(
    readonly step: TDrillStep,
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/**
 * A throwaway user in the RESTORED copy only, with a random password, in an organisation of its
 * own: the restored organisations may require single sign-on or two-factor sign-in, which a
 * password sign-in over HTTP cannot satisfy; the drill's organisation requires neither.
 */
export async function createDrillUser({ url, tag }: { url: string; tag: string }) {
  const db = createPrismaClient({ url });
  try {
    const org = await db.organization.create({
      data: { name: `Restore drill ${tag}`, slug: `drill-${tag}`, twoFactorRequired: "off" },
    });
    const password = crypto.randomBytes(18).toString("base64url");
    const user = { email: `drill-${tag}@drill.invalid`, name: `Drill check ${tag}`, password };
    const passwordHash = await hashPassword({ password });
    await db.user.create({
      data: { orgId: org.id, email: user.email, name: user.name, role: "manager", passwordHash },
    });
    return user;
  } finally {
    await db.$disconnect();
  }
}

export type TRunDrill = {
  url: string;
  dataDir: string;
  /** BACKUP_DIR: the drill's backup is kept there (default DATA_DIR/backups). */
  backupDir?: string;
  log?: (line: string) => void;
  /** Called as each step begins (the ops page shows the step under way). */
  onStep?: (step: TDrillStep) => void;
};

/**
 * Backup → restore into a scratch database on the same server → compare with the backup's
 * snapshot → boot the built app on the copy → sign in over HTTP → clean up. Throws
 * DrillFailure naming the step and what differed; the scratch database is always dropped.
 */
export async function runDrill({ url, dataDir, backupDir, log = console.log, onStep }: TRunDrill) {
  const started = Date.now();
  const timings: Partial<Record<TDrillStep, number>> = {};
  let file: string | undefined;
  const step = async <T>(name: TDrillStep, fn: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    try {
      onStep?.(name);
      return await fn();
    } catch (e) {
      if (e instanceof DrillFailure) throw e;
      throw new DrillFailure(name, e instanceof Error ? e.message : String(e), file);
    } finally {
      timings[name] = Date.now() - t;
    }
  };
  if (!fs.existsSync(path.join(process.cwd(), distDirName(), "BUILD_ID"))) {
    // Fail before doing any work: the drill boots the built app, it never builds it.
    throw new DrillFailure(
      "boot",
      "there is no production build (.next/BUILD_ID is missing): run `npm start` once or `npx next build`, then run the drill again",
    );
  }
  const tag = crypto.randomBytes(4).toString("hex");
  const database = `bcdr_drill_${tag}`;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-drill-"));
  const uploadsDir = path.join(scratch, "uploads");
  let app: TBootedApp | undefined;
  try {
    const backup = await step("backup", () =>
      createBackup({ url, dataDir, backupDir, kind: "drill" }),
    );
    file = backup.file;
    const { manifest } = backup;
    log(
      `backup: ${file} (${formatBytes(backup.bytes)}, ${countOf(manifest.tables.length, "table")}, ${countOf(totalRows(manifest), "row")}, ${countOf(manifest.files.length, "evidence file")}) in ${formatSeconds(backup.ms)}`,
    );
    const restored = await step("restore", () =>
      restoreBackup({ file: backup.file, serverUrl: url, database, uploadsDir }),
    );
    log(
      `restore: verified every checksum, restored into scratch database ${database} in ${formatSeconds(restored.ms)}`,
    );
    await step("compare", async () => {
      const differences = await compareWithSnapshot({ url: restored.url, manifest, uploadsDir });
      if (differences.length)
        throw new DrillFailure(
          "compare",
          `the restored copy differs from the live snapshot:\n  - ${differences.join("\n  - ")}`,
          file,
        );
    });
    log(
      `compare: ${manifest.tables.length} tables match the live snapshot (rows and md5), no dangling foreign keys, all evidence files match (${manifest.files.length})`,
    );
    const booted = await step("boot", async () => {
      const user = await createDrillUser({ url: restored.url, tag });
      return { user, app: await bootApp({ databaseUrl: restored.url, dataDir: scratch }) };
    });
    app = booted.app;
    log(
      `boot: the app runs on the restored copy at ${app.baseUrl} (via ${app.via}) in ${formatSeconds(timings.boot ?? 0)}`,
    );
    const { baseUrl } = app;
    await step("sign-in", () => signInOverHttp({ baseUrl, ...booted.user }));
    log(
      "sign-in: a temporary drill user signed in over HTTP; /dashboard answered 200 with the user's name",
    );
    await step("cleanup", async () => {
      await app?.stop();
      app = undefined;
      await dropDatabase({ url, name: database });
    });
    const t = (s: TDrillStep) => `${s} ${formatSeconds(timings[s] ?? 0)}`;
    const steps = (["backup", "restore", "compare", "boot", "sign-in", "cleanup"] as const).map(t);
    const line = `drill passed in ${formatSeconds(Date.now() - started)} (${steps.join(", ")}): ${countOf(manifest.tables.length, "table")}, ${countOf(totalRows(manifest), "row")}, ${countOf(manifest.files.length, "evidence file")}`;
    return { file, manifest, timings, line };
  } finally {
    await app?.stop().catch((e) => log(`warning: ${e instanceof Error ? e.message : e}`));
    await dropDatabase({ url, name: database }).catch(() => {});
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
