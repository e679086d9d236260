import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, MIGRATIONS_DIR } from "../db/migrations";
import { createDatabase, dropDatabase, withServer } from "../db/scratch-db";

// npm run db:migrate -- NAME   create a migration from schema changes (offline) and apply it
// npm run db:check             fail when prisma/schema.prisma and the migrations disagree
// npm run db:deploy            apply committed migrations to DATABASE_URL / the embedded server
// npm run db:seed              seed demo data when the database is empty

function prisma(args: string[], url: string) {
  const bin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  return spawnSync(bin, args, {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

/** SQL that takes the migrations to the schema; "" when they agree. Uses a scratch database. */
async function diffSchema(url: string): Promise<string> {
  const name = `bcdr_diff_${process.pid}`;
  const scratch = await createDatabase({ url, name });
  try {
    const r = prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        MIGRATIONS_DIR,
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      scratch,
    );
    if (r.status !== 0) throw new Error(`prisma migrate diff failed:\n${r.stderr}`);
    return r.stdout.includes("This is an empty migration.") ? "" : r.stdout.trim();
  } finally {
    await dropDatabase({ url, name });
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "check") {
    const sql = await withServer(diffSchema);
    if (sql) {
      console.error(
        "db:check: prisma/schema.prisma and prisma/migrations disagree. Missing migration:\n",
      );
      console.error(sql);
      console.error("\nCreate it with: npm run db:migrate -- <name>");
      process.exit(1);
    }
    console.log("db:check: schema and migrations agree");
    return;
  }
  if (command === "migrate") {
    const name = (rest[0] ?? "").trim();
    if (!/^[a-z0-9_]{1,60}$/.test(name)) {
      console.error("Usage: npm run db:migrate -- NAME   (NAME: lowercase letters, digits and _)");
      process.exit(2);
    }
    await withServer(async (url) => {
      const sql = await diffSchema(url);
      if (!sql) {
        console.log("Schema and migrations already agree: no migration created.");
        return;
      }
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
      // Write beside, then move in: a crash never leaves a half-written migration folder.
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-migration-"));
      fs.writeFileSync(path.join(tmp, "migration.sql"), `${sql}\n`);
      fs.cpSync(tmp, folder, { recursive: true });
      fs.rmSync(tmp, { recursive: true, force: true });
      console.log(`Created ${path.relative(process.cwd(), folder)}/migration.sql`);
      const { applied } = await applyMigrations({ url, log: console.log });
      if (applied.length) console.log(`Applied to ${new URL(url).host}.`);
    });
    return;
  }
  if (command === "deploy") {
    await withServer(async (url) => {
      const { applied } = await applyMigrations({ url, log: console.log });
      console.log(
        applied.length ? `${applied.length} migration(s) applied` : "No pending migrations",
      );
    });
    return;
  }
  if (command === "seed") {
    const { seedIfEmpty } = await import("../../prisma/seed");
    await withServer(async (url) => {
      await applyMigrations({ url });
      const seeded = await seedIfEmpty({ url });
      console.log(seeded ? "Demo data created" : "Database not empty: nothing seeded");
    });
    return;
  }
  console.error("Usage: tsx lib/cli/db.ts check | migrate NAME | deploy | seed");
  process.exit(2);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
