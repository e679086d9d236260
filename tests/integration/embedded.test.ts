import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { readPidFile, startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/pg/embedded";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-crash-"));
fs.chmodSync(dir, 0o755);
const pgDir = path.join(dir, "pg");
afterAll(() => {
  try {
    stopEmbeddedPostgres({ pgDir });
  } catch {}
  fs.rmSync(dir, { recursive: true, force: true });
});

function postmastersOn(folder: string) {
  const out = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
  return out.split("\n").filter((l) => /\bpostgres\b.*-D/.test(l) && l.includes(folder)).length;
}

describe("embedded PostgreSQL after the app is killed", () => {
  it("finds the server a SIGKILLed process left running and reuses it, never starting a second", async () => {
    const child = spawn(
      path.join("node_modules", ".bin", "tsx"),
      ["tests/fixtures/scripts/start-embedded-and-hang.ts", pgDir],
      {
        stdio: ["ignore", "pipe", "inherit"],
        detached: true, // tsx runs the script in a grandchild: kill the whole group, as a crash would
      },
    );
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on("data", (b: Buffer) => {
        const m = /PORT=(\d+)/.exec(b.toString());
        if (m) resolve(Number(m[1]));
      });
      child.on("exit", (code) => reject(new Error(`child exited ${code}`)));
    });
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.once("exit", r));
    child.stdout.destroy();

    // The orphaned server is still there, and postmaster.pid names it (line 4: its port).
    expect(readPidFile({ pgDir })?.port).toBe(port);
    expect(postmastersOn(pgDir)).toBe(1);

    const again = await startEmbeddedPostgres({ pgDir });
    expect(again.reused).toBe(true);
    expect(again.port).toBe(port);
    expect(postmastersOn(pgDir)).toBe(1);

    const client = new pg.Client({ connectionString: again.url });
    await client.connect();
    expect((await client.query("select 1 as one")).rows[0].one).toBe(1);
    await client.end();

    stopEmbeddedPostgres({ pgDir });
    expect(readPidFile({ pgDir })).toBeUndefined();
    expect(postmastersOn(pgDir)).toBe(0);
  });
});
