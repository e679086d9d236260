import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, describe, expect, it } from "vitest";
import { createDiskStorage } from "@/lib/storage/disk";
import { moveFiles } from "@/lib/storage/migrate";
import { CHUNK_BYTES, createPostgresStorage } from "@/lib/storage/postgres";
import type { TStorage } from "@/lib/storage/types";
import { setupFreshDatabase } from "../db";

// Both evidence stores behave the same behind lib/storage's interface, and storage:migrate
// moves files between them with checksums checked, resumably.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-storage-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const { prisma } = await setupFreshDatabase();
const stores: Record<string, TStorage> = {
  disk: createDiskStorage({ dir: path.join(dir, "uploads") }),
  postgres: createPostgresStorage({ db: prisma }),
};
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const keys = async (store: TStorage) => {
  const out: string[] = [];
  for await (const k of store.list()) out.push(k); // Array.fromAsync is Node 22+
  return out;
};
const bytesOf = async (s: Readable | null) =>
  s ? Buffer.concat(await s.toArray()) : Buffer.alloc(0);
// More than two chunks, written in odd-sized pieces: chunk boundaries fall mid-piece.
const big = crypto.randomBytes(CHUNK_BYTES * 2 + 12_345);
const pieces = (b: Buffer) => Readable.from([b.subarray(0, 1000), b.subarray(1000)]);

describe.each(["disk", "postgres"])("the %s store", (kind) => {
  const store = stores[kind]!;
  const key = `file-${kind}`;
  it("gives back the bytes it was given, with their size and SHA-256", async () => {
    expect(await store.put({ key, body: pieces(big) })).toEqual({
      bytes: big.length,
      sha256: sha(big),
    });
    expect((await bytesOf(await store.get({ key }))).equals(big)).toBe(true);
    expect(await store.stat({ key })).toEqual({ bytes: big.length, sha256: sha(big) });
    expect(await store.exists({ key })).toBe(true);
  });
  it("never replaces a file that exists", async () => {
    await expect(store.put({ key, body: Readable.from([Buffer.from("x")]) })).rejects.toThrow();
    expect(await store.stat({ key })).toEqual({ bytes: big.length, sha256: sha(big) });
  });
  it("leaves nothing behind when the bytes fail halfway", async () => {
    async function* failing() {
      yield Buffer.alloc(CHUNK_BYTES + 10, 1);
      throw new Error("the upload broke off");
    }
    await expect(store.put({ key: `broken-${kind}`, body: failing() })).rejects.toThrow(
      /could not store the file/,
    );
    expect(await store.exists({ key: `broken-${kind}` })).toBe(false);
    expect(await store.get({ key: `broken-${kind}` })).toBeNull();
    expect(await keys(store)).toEqual([key]);
  });
  it("deletes, and refuses a key that is a path", async () => {
    await store.delete({ key });
    expect(await store.exists({ key })).toBe(false);
    await expect(store.get({ key: "../etc/passwd" })).rejects.toThrow(/bad storage key/);
  });
  it("sweeps what a dead process left half-written, never a write still going or a whole file", async () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    // What a process killed mid-write leaves: a temporary file, or an incomplete row and chunk.
    const leave = async (name: string, at: Date) => {
      if (kind === "disk") {
        const file = path.join(dir, "uploads", `${name}.partial-dead${at.getTime()}`);
        fs.writeFileSync(file, "half");
        fs.utimesSync(file, at, at);
      } else {
        await prisma.storedFile.create({ data: { key: name, createdAt: at } });
        await prisma.storedFileChunk.create({
          data: { key: name, seq: 0, data: Buffer.from("half") },
        });
      }
    };
    const left = async () =>
      kind === "disk"
        ? fs.readdirSync(path.join(dir, "uploads")).filter((f) => f.includes(".partial-")).length
        : await prisma.storedFile.count({ where: { complete: false } });
    await store.put({ key: `whole-${kind}`, body: Readable.from([Buffer.from("whole")]) });
    await leave(`dead-${kind}`, new Date(Date.now() - 2 * 86_400_000));
    await leave(`writing-${kind}`, new Date());
    expect(await left()).toBe(2);
    expect(await store.sweepAbandoned({ before: hourAgo })).toBe(1);
    expect(await left()).toBe(1);
    if (kind === "postgres")
      expect(await prisma.storedFileChunk.count({ where: { key: `dead-${kind}` } })).toBe(0);
    expect(await store.exists({ key: `whole-${kind}` })).toBe(true);
    expect(await store.sweepAbandoned({ before: hourAgo })).toBe(0);
    // Once that write is a day old too, it goes; the whole file never does.
    expect(await store.sweepAbandoned({ before: new Date(Date.now() + 60_000) })).toBe(1);
    await store.delete({ key: `whole-${kind}` });
  });
});

describe("storage:migrate", () => {
  it("moves every file to postgres and back, checksums equal, and a re-run skips what is done", async () => {
    const disk = stores.disk!;
    const pg = stores.postgres!;
    const files = ["a1", "b2", "c3"].map((k) => ({ key: k, bytes: crypto.randomBytes(5000) }));
    for (const f of files) await disk.put({ key: f.key, body: Readable.from([f.bytes]) });
    // A run that stopped after copying b2 but before removing it from disk.
    await pg.put({ key: "b2", body: Readable.from([files[1]!.bytes]) });

    expect(await moveFiles({ from: disk, to: pg })).toEqual({ moved: 2, skipped: 1 });
    expect(await keys(disk)).toEqual([]);
    for (const f of files)
      expect(await pg.stat({ key: f.key })).toMatchObject({ sha256: sha(f.bytes) });
    expect(await moveFiles({ from: disk, to: pg })).toEqual({ moved: 0, skipped: 0 });

    expect(await moveFiles({ from: pg, to: disk })).toEqual({ moved: 3, skipped: 0 });
    for (const f of files)
      expect((await bytesOf(await disk.get({ key: f.key }))).equals(f.bytes)).toBe(true);
    expect(await prisma.storedFileChunk.count()).toBe(0);
  });
  it("stops, changing nothing, when the destination holds a different file under the key", async () => {
    await stores.disk!.put({ key: "clash", body: Readable.from([Buffer.from("one")]) });
    await stores.postgres!.put({ key: "clash", body: Readable.from([Buffer.from("two")]) });
    await expect(moveFiles({ from: stores.disk!, to: stores.postgres! })).rejects.toThrow(
      /different file/,
    );
    expect(await text((await stores.disk!.get({ key: "clash" }))!)).toBe("one");
    expect(await text((await stores.postgres!.get({ key: "clash" }))!)).toBe("two");
  });
});
