import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { assessDrillFreshness, getOpsOverview } from "@/lib/data/ops";
import { createPrismaClient } from "@/lib/db";
import { poolConfigFromUrl } from "@/lib/db/pg-config";
import { dropDatabase } from "@/lib/db/scratch-db";
import { registerJob, setJobLog } from "@/lib/jobs/scheduler";
import { createBackup } from "@/lib/ops/backup";
import { sha256Hex } from "@/lib/ops/backup-file";
import { listBackupFiles } from "@/lib/ops/manifest";
import { listTables, tableChecksum } from "@/lib/ops/pg-meta";
import { RestoreRefusedError, restoreBackup } from "@/lib/ops/restore";
import { runScheduledBackup } from "@/lib/ops/schedule";
import { BackupVerifyError } from "@/lib/ops/verify";
import { createOrgWithUsers, setupFreshDatabase } from "./db";

const { url, prisma } = await setupFreshDatabase();
const server = inject("pgUrl");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-backup-test-"));
const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase({ url: server, name });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Rows with the awkward values COPY text must carry: newlines, tabs, backslashes, quotes,
// non-ASCII, arrays, JSON, NULLs, a self-reference, and the append-only audit log.
const { org, admin } = await createOrgWithUsers(prisma, "bk");
const vendor = await prisma.vendor.create({
  data: {
    orgId: org.id,
    name: 'Tab\there "quoted" \\ back',
    tier: "critical",
    services: ["a,b", 'c"d', "é ü ✓"],
    notes: "line one\nline two\r\nline three — marker-Ω",
  },
});
const qv = await prisma.questionnaireVersion.create({
  data: { key: "t", version: "1", title: "T", definition: { q: [1, "x"] }, checksum: "c" },
});
const base = { orgId: org.id, vendorId: vendor.id, questionnaireVersionId: qv.id };
const first = await prisma.assessment.create({
  data: { ...base, requirements: { tier: "critical" } },
});
const second = await prisma.assessment.create({
  data: { ...base, requirements: { rto_minutes: 60 }, previousAssessmentId: first.id },
});
const evidenceBytes = crypto.randomBytes(300_000);
const storedName = `ev-${crypto.randomUUID()}.bin`;
fs.mkdirSync(path.join(dataDir, "uploads"), { recursive: true });
fs.writeFileSync(path.join(dataDir, "uploads", storedName), evidenceBytes);
await prisma.evidenceFile.create({
  data: {
    orgId: org.id,
    assessmentId: second.id,
    fileName: "dr-test-report.pdf",
    storedName,
    mimeType: "application/pdf",
    sizeBytes: evidenceBytes.length,
    sha256: sha256Hex(evidenceBytes),
    uploadedByKind: "user",
    uploadedByUserId: admin.id,
  },
});
for (let i = 0; i < 5; i++) {
  await prisma.auditEvent.create({
    data: { orgId: org.id, actorKind: "system", action: `test.${i}`, data: { i, s: "x\ny" } },
  });
}

async function checksums(dbUrl: string) {
  const client = new pg.Client(poolConfigFromUrl({ url: dbUrl }));
  await client.connect();
  try {
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const t of await listTables({ client }))
      out[t] = await tableChecksum({ client, table: t });
    return out;
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string) {
  const client = new pg.Client(poolConfigFromUrl({ url: server }));
  await client.connect();
  const r = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  await client.end();
  return r.rowCount === 1;
}

const newTarget = (tag: string) => {
  const name = `r_${tag}_${crypto.randomBytes(4).toString("hex")}`;
  created.push(name);
  return { database: name, uploadsDir: path.join(dataDir, "restores", name, "uploads") };
};

/** The backup's decompressed text, edited, written as a new valid gzip file. */
function rewrite(file: string, edit: (text: string) => string) {
  const text = zlib.gunzipSync(fs.readFileSync(file)).toString("latin1");
  const out = path.join(dataDir, `edited-${crypto.randomUUID()}.bcdr.gz`);
  fs.writeFileSync(out, zlib.gzipSync(Buffer.from(edit(text), "latin1")));
  return out;
}

/** Edits the manifest JSON and, when `fixChecksum`, recomputes the end marker to match. */
function editManifest(
  file: string,
  change: (m: Record<string, unknown>) => void,
  fixChecksum: boolean,
) {
  return rewrite(file, (text) => {
    const at = text.lastIndexOf("\nM ");
    const [mLine] = text.slice(at + 3).split("\n");
    const manifest = JSON.parse(Buffer.from(mLine!, "latin1").toString("utf8"));
    change(manifest);
    const json = Buffer.from(JSON.stringify(manifest), "utf8").toString("latin1");
    const sum = fixChecksum ? sha256Hex(Buffer.from(json, "latin1")) : text.trimEnd().slice(-64);
    return `${text.slice(0, at)}\nM ${json}\nZ ${sum}\n`;
  });
}

const backup = await createBackup({ url, dataDir });

async function expectRefusedAndNothingWritten(file: string, pattern: RegExp) {
  const target = newTarget("bad");
  const err = await restoreBackup({ file, serverUrl: server, ...target }).catch((e) => e);
  expect(err).toBeInstanceOf(BackupVerifyError);
  expect((err as BackupVerifyError).message).toMatch(pattern);
  expect(await databaseExists(target.database)).toBe(false);
  expect(fs.existsSync(path.dirname(target.uploadsDir))).toBe(false);
}

describe("backup", () => {
  it("writes one complete file under DATA_DIR/backups with a manifest of every table", () => {
    expect(path.dirname(backup.file)).toBe(path.join(dataDir, "backups"));
    expect(path.basename(backup.file)).toMatch(
      /^backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.bcdr\.gz$/,
    );
    expect(fs.readdirSync(path.dirname(backup.file))).toEqual([path.basename(backup.file)]);
    const byName = Object.fromEntries(backup.manifest.tables.map((t) => [t.name, t]));
    expect(byName.AuditEvent?.rows).toBe(5);
    expect(byName.Assessment?.rows).toBe(2);
    expect(byName._prisma_migrations?.rows).toBeGreaterThan(0);
    expect(backup.manifest.migrations.map((m) => m.name)).toContain("20261127000000_init");
    expect(backup.manifest.files).toEqual([
      { name: storedName, bytes: evidenceBytes.length, sha256: sha256Hex(evidenceBytes) },
    ]);
    // Referenced tables come before the tables that point at them.
    const order = backup.manifest.tables.map((t) => t.name);
    expect(order.indexOf("Organization")).toBeLessThan(order.indexOf("User"));
    expect(order.indexOf("Assessment")).toBeLessThan(order.indexOf("EvidenceFile"));
  });
});

describe("restore", () => {
  it("restores into a new database with identical per-table checksums, files and sequences", async () => {
    const target = newTarget("ok");
    const r = await restoreBackup({ file: backup.file, serverUrl: server, ...target });
    const [live, restored] = await Promise.all([checksums(url), checksums(r.url)]);
    expect(Object.keys(restored)).toEqual(Object.keys(live));
    expect(restored).toEqual(live);
    expect(restored.AuditEvent?.rows).toBe(5);
    expect(fs.readFileSync(path.join(target.uploadsDir, storedName)).equals(evidenceBytes)).toBe(
      true,
    );
    const copy = createPrismaClient({ url: r.url });
    try {
      const v = await copy.vendor.findUniqueOrThrow({ where: { id: vendor.id } });
      expect(v.notes).toBe(vendor.notes);
      expect(v.services).toEqual(vendor.services);
      // The BIGSERIAL continues after the restored ids instead of colliding with them.
      const maxId = (await copy.auditEvent.aggregate({ _max: { id: true } }))._max.id!;
      const ev = await copy.auditEvent.create({ data: { actorKind: "system", action: "after" } });
      expect(ev.id).toBe(maxId + 1n);
    } finally {
      await copy.$disconnect();
    }
  });

  it("refuses a backup with one corrupted byte, writing nothing", async () => {
    const bytes = fs.readFileSync(backup.file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0xff;
    const file = path.join(dataDir, "corrupt.bcdr.gz");
    fs.writeFileSync(file, bytes);
    await expectRefusedAndNothingWritten(file, /corrupt|mismatch/);
  });

  it("refuses a truncated backup, writing nothing", async () => {
    const bytes = fs.readFileSync(backup.file);
    for (const keep of [0.4, 0.999]) {
      const file = path.join(dataDir, `truncated-${keep}.bcdr.gz`);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * keep)));
      await expectRefusedAndNothingWritten(file, /truncated/);
    }
  });

  it("refuses changed table data, naming the table", async () => {
    const file = rewrite(backup.file, (t) => t.replace("marker-", "marker+"));
    await expectRefusedAndNothingWritten(file, /table "Vendor": SHA-256 mismatch/);
  });

  it("refuses an edited manifest, with or without a recomputed end marker", async () => {
    const bumpRows = (m: Record<string, unknown>) => {
      const t = (m.tables as { name: string; rows: number }[]).find(
        (x) => x.name === "AuditEvent",
      )!;
      t.rows += 1;
    };
    await expectRefusedAndNothingWritten(
      editManifest(backup.file, bumpRows, false),
      /manifest does not match its checksum/,
    );
    await expectRefusedAndNothingWritten(
      editManifest(backup.file, bumpRows, true),
      /table "AuditEvent": 5 rows, manifest says 6/,
    );
  });

  it("refuses a backup whose migrations this app does not have", async () => {
    const file = editManifest(
      backup.file,
      (m) => (m.migrations as unknown[]).push({ name: "29990101000000_future", checksum: "x" }),
      true,
    );
    const target = newTarget("future");
    const err = await restoreBackup({ file, serverUrl: server, ...target }).catch((e) => e);
    expect(err).toBeInstanceOf(RestoreRefusedError);
    expect(String(err.message)).toMatch(/29990101000000_future/);
    expect(await databaseExists(target.database)).toBe(false);
  });

  it("refuses a non-empty target database and leaves it untouched", async () => {
    const before = await checksums(url);
    const database = new URL(url).pathname.slice(1);
    const uploadsDir = path.join(dataDir, "restores", "live", "uploads");
    const err = await restoreBackup({
      file: backup.file,
      serverUrl: server,
      database,
      uploadsDir,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(RestoreRefusedError);
    expect(String(err.message)).toMatch(/is not empty/);
    expect(await checksums(url)).toEqual(before);
    expect(fs.existsSync(uploadsDir)).toBe(false);
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("job scheduler", () => {
  it("never overlaps runs of one job, logs a failure and keeps the schedule", async () => {
    const logs: string[] = [];
    setJobLog((l) => logs.push(l));
    let runs = 0;
    let active = 0;
    let maxActive = 0;
    const stop = registerJob({
      name: "t-overlap",
      everyMs: 20,
      run: async () => {
        runs++;
        active++;
        maxActive = Math.max(maxActive, active);
        await sleep(70);
        active--;
        if (runs === 1) throw new Error("boom");
      },
    });
    await sleep(400);
    stop();
    setJobLog(undefined);
    expect(maxActive).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(logs.some((l) => /t-overlap failed after \d+ ms: boom/.test(l))).toBe(true);
    expect(logs.some((l) => /t-overlap: previous run still in progress/.test(l))).toBe(true);
  });

  it("runs a runOnStart job once at registration, then waits for its interval", async () => {
    let runs = 0;
    const stop = registerJob({
      name: "t-start",
      everyMs: 3_600_000,
      runOnStart: true,
      run: async () => void runs++,
    });
    await sleep(50);
    stop();
    expect(runs).toBe(1);
  });
});

describe("scheduled backups", () => {
  const dir = path.join(dataDir, "backups");
  const quiet = { log: () => {} };

  it("backs up, skips while the newest scheduled backup is fresh, and records each run", async () => {
    const first = await runScheduledBackup({
      url,
      dataDir,
      retention: 2,
      everyMs: 60_000,
      ...quiet,
    });
    expect(first.skipped).toBe(false);
    expect(
      await runScheduledBackup({ url, dataDir, retention: 2, everyMs: 60_000, ...quiet }),
    ).toEqual({
      skipped: true,
    });
    const run = await prisma.opsRun.findFirstOrThrow({ where: { kind: "backup" } });
    expect(run).toMatchObject({ ok: true, file: first.skipped ? null : first.file });
    expect(run.detail).toMatch(/tables, \d+ rows, 1 evidence file \(/);
  });

  it("keeps the newest BACKUP_RETENTION scheduled backups and never deletes other backups", async () => {
    for (let i = 0; i < 3; i++)
      await runScheduledBackup({ url, dataDir, retention: 2, everyMs: 0, ...quiet });
    const files = listBackupFiles({ dir });
    const scheduled = files.filter((f) => f.kind === "scheduled");
    expect(scheduled).toHaveLength(2);
    expect(files.some((f) => f.file === backup.file)).toBe(true);
    expect(await prisma.opsRun.count({ where: { kind: "backup", ok: true } })).toBe(4);
    // The two kept are the two written last.
    const kept = new Set(scheduled.map((f) => f.file));
    const newest = await prisma.opsRun.findMany({
      where: { kind: "backup" },
      orderBy: { finishedAt: "desc" },
      take: 2,
    });
    expect(newest.every((r) => kept.has(r.file!))).toBe(true);
  });

  it("writes into BACKUP_DIR when one is given, and leaves DATA_DIR/backups alone", async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-backup-dir-"));
    try {
      const before = fs.readdirSync(dir).sort();
      const r = await runScheduledBackup({
        url,
        dataDir,
        backupDir: elsewhere,
        retention: 2,
        everyMs: 0,
        ...quiet,
      });
      if (r.skipped) throw new Error("the first backup into a new folder was skipped");
      expect(path.dirname(r.file)).toBe(elsewhere);
      expect(fs.readdirSync(elsewhere)).toEqual([path.basename(r.file)]);
      expect(fs.readdirSync(dir).sort()).toEqual(before);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("records a failed backup with its reason", async () => {
    const bad = "postgresql://postgres:x@127.0.0.1:1/nowhere";
    await expect(
      runScheduledBackup({ url: bad, dataDir, retention: 2, everyMs: 0, ...quiet }),
    ).rejects.toThrow();
    const failed = await prisma.opsRun.findFirstOrThrow({ where: { kind: "backup", ok: false } });
    expect(failed.detail).toMatch(/ECONNREFUSED/);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith(".partial"))).toEqual([]);
  });
});

describe("ops overview", () => {
  const day = 86_400_000;
  it("calls a drill overdue after 30 days, or when none ever passed", () => {
    const now = new Date();
    expect(assessDrillFreshness({ lastPassedAt: null, now })).toEqual({
      overdue: true,
      ageDays: null,
    });
    expect(assessDrillFreshness({ lastPassedAt: new Date(+now - 29 * day), now }).overdue).toBe(
      false,
    );
    expect(assessDrillFreshness({ lastPassedAt: new Date(+now - 31 * day), now })).toEqual({
      overdue: true,
      ageDays: 31,
    });
  });

  it("reports the last backup with its size and the last PASSED drill", async () => {
    const old = new Date(Date.now() - 40 * day);
    await prisma.opsRun.create({
      data: { kind: "drill", ok: true, detail: "drill passed", startedAt: old, finishedAt: old },
    });
    await prisma.opsRun.create({
      data: { kind: "drill", ok: false, detail: "drill FAILED", startedAt: new Date() },
    });
    const o = await getOpsOverview();
    expect(o.drill).toEqual({ overdue: true, ageDays: 40 });
    expect(o.lastPassedDrill?.detail).toBe("drill passed");
    expect(o.lastBackup?.ok).toBe(false);
    expect(o.lastOkBackup?.file).toBeTruthy();
    expect(o.runs[0]?.detail).toBe("drill FAILED");
  });
});
