import fs from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";

/** The disk refused the bytes (full, quota, read-only …): not the uploader's fault. */
export class StorageError extends Error {
  constructor(readonly code: string | undefined) {
    super(
      "The server could not store the file: its storage is full or unavailable. Your answers are saved; try the upload again later, or tell the person who sent you this link.",
    );
  }
}

/**
 * Writes `bytes` to a new file (never over an existing one; its folder is created, private)
 * and flushes it to disk. On any failure — a disk that fills halfway through — the partial
 * file is removed before StorageError is thrown, so no file is left without its database row.
 */
export async function writeNewFile({ file, bytes }: { file: string; bytes: Buffer }) {
  let out: fs.WriteStream | undefined;
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    out = fs.createWriteStream(file, { flags: "wx", mode: 0o600, flush: true });
    out.end(bytes);
    await finished(out);
  } catch (e) {
    out?.destroy();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw e; // someone else's file: never removed
    await fs.promises.rm(file, { force: true });
    throw new StorageError(code);
  }
}
