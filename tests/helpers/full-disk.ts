import fs from "node:fs";
import { Writable } from "node:stream";
import { vi } from "vitest";

// A disk that fills up: a real file takes the first `room` bytes, then every write fails with
// ENOSPC, as fs does on a full filesystem. Injected where our code opens its write stream, so
// the tests need no privileges (npm run test:faults fills a real tmpfs).

export function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error("ENOSPC: no space left on device, write"), {
    errno: -28,
    code: "ENOSPC",
    syscall: "write",
  });
}

class FullDiskStream extends Writable {
  constructor(
    private readonly real: fs.WriteStream,
    private room: number,
  ) {
    super();
    real.on("error", (e) => this.destroy(e));
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void) {
    if (chunk.length <= this.room) {
      this.room -= chunk.length;
      this.real.write(chunk, cb);
      return;
    }
    const part = chunk.subarray(0, this.room);
    this.room = 0;
    this.real.write(part, () => cb(enospc()));
  }
  override _final(cb: (e?: Error | null) => void) {
    this.real.end(cb);
  }
  override _destroy(err: Error | null, cb: (e?: Error | null) => void) {
    this.real.destroy();
    cb(err);
  }
}

/**
 * Until the returned `free()` is called, every fs.createWriteStream or fs.writeFileSync to a
 * path for which `applies(path)` holds writes `room` bytes, then fails with ENOSPC.
 */
export function fillDisk({ applies, room }: { applies: (file: string) => boolean; room: number }) {
  const original = fs.createWriteStream;
  const stream = vi
    .spyOn(fs, "createWriteStream")
    .mockImplementation((file: fs.PathLike, options?: Parameters<typeof original>[1]) => {
      const real = original(file, options);
      if (!applies(String(file))) return real;
      return new FullDiskStream(real, room) as unknown as fs.WriteStream;
    });
  const writeFileSync = fs.writeFileSync;
  const sync = vi
    .spyOn(fs, "writeFileSync")
    .mockImplementation((file, data, options?: fs.WriteFileOptions) => {
      if (typeof file !== "string" || !applies(file) || typeof data === "string")
        return writeFileSync(file, data, options);
      const bytes = data as Uint8Array;
      writeFileSync(file, bytes.subarray(0, room), options);
      if (bytes.length > room) throw enospc();
    });
  return {
    free: () => {
      stream.mockRestore();
      sync.mockRestore();
    },
  };
}
