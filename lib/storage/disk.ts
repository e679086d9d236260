import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { checksumStream } from "./checksum";
import { assertSafeKey, StorageError, type TStorage } from "./types";

const PARTIAL = ".partial-";

/**
 * Files in one private folder (the embedded default: DATA_DIR/uploads). A file is written
 * under a temporary name, flushed, then linked to its key — a reader never sees half a file,
 * an existing file is never replaced, and a failure (disk full halfway) leaves nothing behind.
 */
export function createDiskStorage({ dir }: { dir: string }): TStorage {
  const fileOf = (key: string) => {
    assertSafeKey(key);
    return path.join(dir, key);
  };
  const exists = async ({ key }: { key: string }) => fs.existsSync(fileOf(key));
  const get = async ({ key }: { key: string }) => {
    try {
      const handle = await fs.promises.open(fileOf(key), "r");
      return handle.createReadStream();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  };
  return {
    kind: "disk",
    async put({ key, body }) {
      const file = fileOf(key);
      const temp = `${file}${PARTIAL}${crypto.randomBytes(4).toString("hex")}`;
      const sum = checksumStream();
      try {
        await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
        const out = fs.createWriteStream(temp, { flags: "wx", mode: 0o600, flush: true });
        await pipeline(Readable.from(body), sum.stream, out);
        await fs.promises.link(temp, file); // EEXIST when the key is taken: nothing replaced
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw e;
        throw new StorageError(code);
      } finally {
        await fs.promises.rm(temp, { force: true });
      }
      return sum.result();
    },
    get,
    async stat({ key }) {
      const stream = await get({ key });
      if (!stream) return null;
      const sum = checksumStream();
      await pipeline(stream, sum.stream, async (source) => {
        for await (const _ of source);
      });
      return sum.result();
    },
    exists,
    async delete({ key }) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
    async *list() {
      if (!fs.existsSync(dir)) return;
      for (const name of await fs.promises.readdir(dir)) if (!name.includes(PARTIAL)) yield name;
    },
    async sweepAbandoned({ before }) {
      if (!fs.existsSync(dir)) return 0;
      let removed = 0;
      for (const name of await fs.promises.readdir(dir)) {
        if (!name.includes(PARTIAL)) continue;
        const file = path.join(dir, name);
        const stat = await fs.promises.stat(file).catch(() => null);
        if (!stat || stat.mtime >= before) continue; // gone meanwhile, or still being written
        await fs.promises.rm(file, { force: true });
        removed += 1;
      }
      return removed;
    },
  };
}
