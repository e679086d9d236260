import { Readable } from "node:stream";
import { isUniqueViolation } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import { createChecksum } from "./checksum";
import { assertSafeKey, StorageError, type TStorage } from "./types";

/** Bytes per StoredFileChunk row: small enough to stream, large enough to keep rows few. */
export const CHUNK_BYTES = 256 * 1024;

/** Cuts a byte stream into CHUNK_BYTES pieces, holding at most one piece at a time. */
async function* inChunks(body: AsyncIterable<Uint8Array>, sum: ReturnType<typeof createChecksum>) {
  let parts: Buffer[] = [];
  let size = 0;
  for await (const piece of body) {
    sum.add(piece);
    let buf = Buffer.from(piece);
    while (buf.length) {
      const take = Math.min(CHUNK_BYTES - size, buf.length);
      parts.push(buf.subarray(0, take));
      size += take;
      buf = buf.subarray(take);
      if (size === CHUNK_BYTES) {
        yield Buffer.concat(parts);
        parts = [];
        size = 0;
      }
    }
  }
  if (size) yield Buffer.concat(parts);
}

/**
 * Files as rows of the database (STORAGE=postgres): every instance reads every file, and one
 * database backup holds them. A file is written chunk by chunk (never whole in memory) and
 * becomes readable when its StoredFile row is marked complete; a failed write removes its rows.
 */
export function createPostgresStorage({ db }: { db: PrismaClient }): TStorage {
  const whole = async (key: string) => {
    assertSafeKey(key);
    return db.storedFile.findFirst({ where: { key, complete: true } });
  };
  return {
    kind: "postgres",
    async put({ key, body }) {
      assertSafeKey(key);
      try {
        await db.storedFile.create({ data: { key } });
      } catch (e) {
        if (isUniqueViolation(e))
          throw Object.assign(new Error(`${key} exists`), { code: "EEXIST" });
        throw new StorageError((e as { code?: string }).code);
      }
      const sum = createChecksum();
      try {
        let seq = 0;
        for await (const data of inChunks(body, sum)) {
          await db.storedFileChunk.create({ data: { key, seq, data } });
          seq += 1;
        }
        const stat = sum.result();
        await db.storedFile.update({
          where: { key },
          data: { complete: true, sizeBytes: BigInt(stat.bytes), sha256: stat.sha256 },
        });
        return stat;
      } catch (e) {
        await db.storedFile.deleteMany({ where: { key } }).catch(() => {});
        throw new StorageError((e as { code?: string }).code);
      }
    },
    async get({ key }) {
      const file = await whole(key);
      if (!file) return null;
      const count = await db.storedFileChunk.count({ where: { key } });
      async function* chunks() {
        for (let seq = 0; seq < count; seq++) {
          const row = await db.storedFileChunk.findUnique({
            where: { key_seq: { key, seq } },
            select: { data: true },
          });
          if (!row) throw new Error(`stored file ${key} lost its chunk ${seq}`);
          yield Buffer.from(row.data);
        }
      }
      return Readable.from(chunks());
    },
    async stat({ key }) {
      const file = await whole(key);
      return file?.sha256 ? { bytes: Number(file.sizeBytes), sha256: file.sha256 } : null;
    },
    async exists({ key }) {
      return (await whole(key)) !== null;
    },
    async delete({ key }) {
      assertSafeKey(key);
      await db.storedFile.deleteMany({ where: { key } });
    },
    async sweepAbandoned({ before }) {
      // Its chunks go with it (onDelete: Cascade).
      const { count } = await db.storedFile.deleteMany({
        where: { complete: false, createdAt: { lt: before } },
      });
      return count;
    },
    async *list() {
      let after = "";
      for (;;) {
        const page = await db.storedFile.findMany({
          where: { complete: true, key: { gt: after } },
          orderBy: { key: "asc" },
          select: { key: true },
          take: 500,
        });
        for (const { key } of page) yield key;
        if (page.length < 500) return;
        after = page[page.length - 1]!.key;
      }
    },
  };
}
