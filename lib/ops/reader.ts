import fs from "node:fs";
import zlib from "node:zlib";
import { BackupFormatError, MAGIC, MAX_CHUNK, sha256Hex, type TEntryHeader } from "./backup-file";

const MAX_LINE = 64 << 20;

// Reads the container written by ContainerWriter (format.ts), strictly: anything unexpected,
// a missing end marker or bytes after it is an error naming where it happened.

function describeZlibError(e: NodeJS.ErrnoException): string {
  if (e.code === "Z_BUF_ERROR") return "the file is truncated (its compressed data ends early)";
  return `the file is corrupt (gzip: ${e.message})`;
}

class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  constructor(
    private source: AsyncIterator<Buffer>,
    private where: () => string,
  ) {}

  private async more(): Promise<boolean> {
    let r: IteratorResult<Buffer>;
    try {
      r = await this.source.next();
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code?.startsWith("Z_")) {
        throw new BackupFormatError(`${describeZlibError(err)}${this.where()}`);
      }
      throw e;
    }
    if (r.done) return false;
    this.buf = this.buf.length ? Buffer.concat([this.buf, r.value]) : r.value;
    return true;
  }

  /** The next line without its "\n"; undefined at a clean end of input. */
  async readLine(max = MAX_LINE): Promise<string | undefined> {
    let from = 0;
    for (;;) {
      const i = this.buf.indexOf(10, from);
      if (i !== -1) {
        const line = this.buf.subarray(0, i).toString("utf8");
        this.buf = this.buf.subarray(i + 1);
        return line;
      }
      if (this.buf.length > max) throw new BackupFormatError(`over-long record${this.where()}`);
      from = this.buf.length;
      if (!(await this.more())) {
        if (this.buf.length) throw new BackupFormatError(`the file is truncated${this.where()}`);
        return undefined;
      }
    }
  }

  /** True when no byte is left (the gzip stream is also read to its end and checked). */
  async atEnd(): Promise<boolean> {
    return this.buf.length === 0 && !(await this.more());
  }

  async readExact(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      if (!this.buf.length && !(await this.more())) {
        throw new BackupFormatError(`the file is truncated${this.where()}`);
      }
      const take = Math.min(need, this.buf.length);
      parts.push(this.buf.subarray(0, take));
      this.buf = this.buf.subarray(take);
      need -= take;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, n);
  }
}

function parseHeader(json: string): TEntryHeader {
  let h: unknown;
  try {
    h = JSON.parse(json);
  } catch {
    throw new BackupFormatError("an entry header is not valid JSON");
  }
  const v = h as Partial<TEntryHeader>;
  if ((v.kind !== "table" && v.kind !== "file") || typeof v.name !== "string") {
    throw new BackupFormatError("an entry header has an unknown kind or no name");
  }
  return { kind: v.kind, name: v.name };
}

export type TOnEntry = (header: TEntryHeader, body: AsyncIterable<Buffer>) => Promise<void>;

/** Streams every entry to `onEntry` (in file order), then returns the checked manifest JSON. */
export async function readContainer({ file, onEntry }: { file: string; onEntry: TOnEntry }) {
  const input = fs.createReadStream(file);
  const gunzip = zlib.createGunzip({ chunkSize: 1 << 18 });
  input.on("error", (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  let current = "";
  const r = new ByteReader(gunzip[Symbol.asyncIterator](), () => current);
  try {
    if ((await r.readLine(64)) !== MAGIC) {
      throw new BackupFormatError("not a backup file of this app (the header is missing)");
    }
    for (;;) {
      current = " (after the last entry, before the manifest)";
      const line = await r.readLine();
      if (line === undefined) throw new BackupFormatError(`the file is truncated${current}`);
      if (line.startsWith("M ")) return await readTrailer(r, line.slice(2));
      if (!line.startsWith("E ")) throw new BackupFormatError(`unexpected record${current}`);
      const header = parseHeader(line.slice(2));
      current = ` (in ${header.kind} "${header.name}")`;
      let ended = false;
      const nextChunk = async (): Promise<Buffer | undefined> => {
        if (ended) return undefined;
        const len = await r.readLine(16);
        if (len === undefined || !/^[0-9a-f]{1,8}$/.test(len)) {
          throw new BackupFormatError(`bad chunk framing${current}`);
        }
        const n = Number.parseInt(len, 16);
        if (n > MAX_CHUNK) throw new BackupFormatError(`oversized chunk${current}`);
        if (n === 0) ended = true;
        return n === 0 ? undefined : await r.readExact(n);
      };
      await onEntry(header, {
        async *[Symbol.asyncIterator]() {
          for (let c = await nextChunk(); c; c = await nextChunk()) yield c;
        },
      });
      while (await nextChunk()); // the handler may stop early; the framing must still be read
    }
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

async function readTrailer(r: ByteReader, manifestJson: string) {
  const end = await r.readLine(128);
  if (end === undefined) throw new BackupFormatError("the file is truncated (no end marker)");
  if (end !== `Z ${sha256Hex(manifestJson)}`) {
    throw new BackupFormatError(
      "the manifest does not match its checksum (it was edited or damaged after the backup was written)",
    );
  }
  if (!(await r.atEnd())) {
    throw new BackupFormatError("unexpected data after the end marker");
  }
  return { manifestJson };
}
