import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";

// The backup container: one gzip stream of text-framed records, written front to back in a
// single pass, so a table's COPY output is never spooled to disk first:
//   "BCDR-BACKUP 1\n"
//   per entry:  "E " + JSON {kind, name} + "\n", then chunks "<hex length>\n<bytes>", then "0\n"
//   "M " + JSON manifest + "\n"          (checksums of every entry, see manifest.ts)
//   "Z " + sha256 of that JSON + "\n"    (then the file must end)
// A truncated file lacks the Z line; gzip's CRC catches most damage; the per-entry
// SHA-256s and the manifest's own checksum catch the rest.
export const MAGIC = "BCDR-BACKUP 1";
export const MAX_CHUNK = 1 << 20;

export type TEntryHeader = { kind: "table" | "file"; name: string };
export type TEntryStats = { bytes: number; sha256: string; lines: number };

export class BackupFormatError extends Error {}

export const sha256Hex = (data: string | Buffer) =>
  crypto.createHash("sha256").update(data).digest("hex");

function countNewlines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/** Hashes a stream of bytes; `lines` is the row count of COPY text output. */
export class EntryHasher {
  private hash = crypto.createHash("sha256");
  bytes = 0;
  lines = 0;
  update(b: Buffer) {
    this.hash.update(b);
    this.bytes += b.length;
    this.lines += countNewlines(b);
  }
  digest(): TEntryStats {
    return { bytes: this.bytes, lines: this.lines, sha256: this.hash.digest("hex") };
  }
}

export class ContainerWriter {
  private gzip = zlib.createGzip({ level: 6 });
  private done: Promise<void>;
  private failed: Promise<never>;

  private constructor(
    file: string,
    private readonly onProgress: () => void,
  ) {
    this.done = pipeline(this.gzip, fs.createWriteStream(file, { flags: "wx", mode: 0o600 }));
    // A write error (disk full) must end a wait for 'drain' instead of hanging it.
    this.failed = this.done.then(() => new Promise<never>(() => {}));
    this.failed.catch(() => {});
  }

  /** `onProgress` is called whenever the file accepted more bytes (for a stall limit). */
  static async open({
    file,
    onProgress = () => {},
  }: {
    file: string;
    onProgress?: () => void;
  }): Promise<ContainerWriter> {
    const w = new ContainerWriter(file, onProgress);
    await w.put(`${MAGIC}\n`);
    return w;
  }

  private async put(data: string | Buffer) {
    // A write that already failed (disk full) must fail this one too, even when gzip would
    // still buffer it: otherwise a COPY keeps streaming into a dead file.
    if (this.gzip.destroyed) await this.failed;
    if (!this.gzip.write(data)) await Promise.race([once(this.gzip, "drain"), this.failed]);
    this.onProgress();
  }

  private async putChunk(chunk: Buffer) {
    for (let i = 0; i < chunk.length; i += MAX_CHUNK) {
      const slice = chunk.subarray(i, i + MAX_CHUNK);
      await this.put(`${slice.length.toString(16)}\n`);
      await this.put(slice);
    }
  }

  async writeEntry({
    header,
    body,
  }: {
    header: TEntryHeader;
    body: AsyncIterable<Buffer | string>;
  }): Promise<TEntryStats> {
    await this.put(`E ${JSON.stringify(header)}\n`);
    const hasher = new EntryHasher();
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for await (const part of body) {
      const b = typeof part === "string" ? Buffer.from(part) : part;
      hasher.update(b);
      pending.push(b);
      pendingBytes += b.length;
      // COPY yields about one message per row: batch them into fewer, larger chunks.
      if (pendingBytes >= 256 << 10) {
        await this.putChunk(Buffer.concat(pending, pendingBytes));
        pending = [];
        pendingBytes = 0;
      }
    }
    if (pendingBytes) await this.putChunk(Buffer.concat(pending, pendingBytes));
    await this.put("0\n");
    return hasher.digest();
  }

  async finish({ manifest }: { manifest: unknown }) {
    const json = JSON.stringify(manifest);
    await this.put(`M ${json}\n`);
    await this.put(`Z ${sha256Hex(json)}\n`);
    this.gzip.end();
    await this.done;
  }

  async abort() {
    this.gzip.destroy(new Error("backup aborted"));
    await this.done.catch(() => {});
  }
}
