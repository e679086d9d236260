import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { createPrismaClient, getDb, setDb } from "@/lib/db";
import { checkReadiness } from "@/lib/ops/readiness";
import { setupFreshDatabase } from "./db";

// Guards against a readiness signal that says OK while the instance cannot work (issue 12,
// item 2: health kept answering ok with the database dead): /api/ready answers 503 naming
// the failed check — database, migrations or the last backup — and never leaks a host,
// a path or an error text.

const { prisma } = await setupFreshDatabase();

async function answer() {
  const res = await GET();
  return { status: res.status, body: await res.json(), cache: res.headers.get("cache-control") };
}

describe("/api/ready", () => {
  it("answers 200 when the database answers, the migrations are current and no backup failed", async () => {
    expect(await answer()).toEqual({
      status: 200,
      body: {
        ready: true,
        failed: [],
        checks: { database: "ok", migrations: "ok", backup: "ok" },
      },
      cache: "no-store",
    });
  });

  it("answers 503 naming the backup while the last backup failed, 200 again after one succeeds", async () => {
    const at = new Date("2026-03-01T10:00:00Z");
    await prisma.opsRun.create({
      data: {
        kind: "backup",
        ok: false,
        detail: "no space left on the backup disk (ENOSPC) while writing /srv/secret/backups",
        startedAt: at,
        finishedAt: at,
      },
    });
    const failed = await answer();
    expect(failed.status).toBe(503);
    expect(failed.body.failed).toEqual(["backup"]);
    expect(failed.body.checks.backup).toBe(
      "the last backup failed (2026-03-01T10:00:00.000Z); see Backups & drills",
    );
    expect(JSON.stringify(failed.body)).not.toContain("/srv/secret");
    const later = new Date("2026-03-01T10:15:00Z");
    await prisma.opsRun.create({
      data: { kind: "backup", ok: true, startedAt: later, finishedAt: later },
    });
    expect((await answer()).status).toBe(200);
  });

  it("answers 503 naming the migrations when one this build ships is not applied", async () => {
    const [last] = await prisma.$queryRaw<{ id: string; migration_name: string }[]>`
      SELECT id, migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE id = ${last!.id}`;
    try {
      const r = await checkReadiness();
      expect(r).toMatchObject({
        ready: false,
        failed: ["migrations"],
        checks: { migrations: "1 migration(s) not applied" },
      });
    } finally {
      await prisma.$executeRaw`INSERT INTO "_prisma_migrations"
        (id, checksum, migration_name, finished_at, applied_steps_count)
        VALUES (${last!.id}, 'restored', ${last!.migration_name}, now(), 1)`;
    }
    expect((await checkReadiness()).ready).toBe(true);
  });

  it("answers 503 naming the database when it is unreachable, without its address", async () => {
    const own = getDb();
    const nowhere = createPrismaClient({ url: "postgresql://postgres:hunter2@127.0.0.1:1/gone" });
    setDb(nowhere);
    try {
      const r = await answer();
      expect(r.status).toBe(503);
      expect(r.body).toEqual({
        ready: false,
        failed: ["database"],
        checks: {
          database: "unreachable",
          migrations: "not checked (no database)",
          backup: "not checked (no database)",
        },
      });
    } finally {
      setDb(own);
      await nowhere.$disconnect();
    }
  });
});
