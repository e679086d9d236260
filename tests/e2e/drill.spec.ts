// Guards against backups that cannot be restored: `npm run drill` backs up the running app,
// restores the copy, boots the app on it, signs in and records a passed drill, evidence included.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

function runDrillCommand(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR };
  // It must find the app's database the way an operator's shell does: DATA_DIR/pg/postmaster.pid.
  for (const k of ["DATABASE_URL", "PORT", "APP_URL"]) delete env[k];
  const child = spawn("node_modules/.bin/tsx", ["lib/cli/drill.ts"], { env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b) => (stdout += b));
  child.stderr.on("data", (b) => (stderr += b));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

test.describe("restore drill", () => {
  test("backs up the running app, restores it, boots a copy, signs in and records a passed drill", async ({
    db,
  }) => {
    test.setTimeout(240_000);
    // An organisation of its own with an evidence file on disk, so the drill carries one.
    const tag = crypto.randomBytes(4).toString("hex");
    const org = await db.organization.create({
      data: { name: `Drill e2e ${tag}`, slug: `drill-e2e-${tag}` },
    });
    const vendor = await db.vendor.create({
      data: { orgId: org.id, name: "Drill vendor", tier: "low" },
    });
    const qv = await db.questionnaireVersion.create({
      data: {
        orgId: org.id,
        key: `drill-${tag}`,
        version: "1",
        title: "T",
        definition: {},
        checksum: tag,
      },
    });
    const assessment = await db.assessment.create({
      data: { orgId: org.id, vendorId: vendor.id, questionnaireVersionId: qv.id, requirements: {} },
    });
    const bytes = crypto.randomBytes(4096);
    const storedName = `drill-e2e-${tag}.pdf`;
    fs.mkdirSync(path.join(process.env.E2E_DATA_DIR!, "uploads"), { recursive: true });
    fs.writeFileSync(path.join(process.env.E2E_DATA_DIR!, "uploads", storedName), bytes);
    await db.evidenceFile.create({
      data: {
        orgId: org.id,
        assessmentId: assessment.id,
        fileName: "plan.pdf",
        storedName,
        mimeType: "application/pdf",
        sizeBytes: bytes.length,
        sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
        uploadedByKind: "system",
      },
    });

    const startedAt = new Date(Date.now() - 1000);
    const r = await runDrillCommand();
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(
      /drill passed in [\d.]+ s \(backup [\d.]+ s, restore .*sign-in [\d.]+ s.*\): \d+ tables, \d+ rows, [1-9]\d* evidence files?/,
    );

    const run = await db.opsRun.findFirst({
      where: { kind: "drill", startedAt: { gte: startedAt } },
      orderBy: { finishedAt: "desc" },
    });
    expect(run?.ok).toBe(true);
    expect(run?.detail).toContain("drill passed");
    expect(run?.file).toMatch(/backups\/backup-.*-drill\.bcdr\.gz$/);
    expect(fs.existsSync(run!.file!)).toBe(true);
    // Recorded like a drill started from the ops page (same lease, same row, steps kept),
    // and audited as the command's.
    expect(run).toMatchObject({ running: false, startedById: null });
    expect(run!.steps.length).toBeGreaterThan(0);
    expect(
      await db.auditEvent.count({
        where: { action: "ops.drill_started", targetId: run!.id, actorLabel: "npm run drill" },
      }),
    ).toBe(1);
    expect(await db.jobLease.findUnique({ where: { name: "drill" } })).toMatchObject({
      leasedTill: null,
    });
    // The drill user existed only in the scratch copy, which is gone.
    const scratch = await db.$queryRaw<{ datname: string }[]>`
      SELECT datname::text FROM pg_database WHERE datname LIKE 'bcdr_drill_%'`;
    expect(scratch).toEqual([]);
    expect(await db.user.count({ where: { email: { endsWith: "@drill.invalid" } } })).toBe(0);
  });
});
