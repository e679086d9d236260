import crypto from "node:crypto";
import { Transform } from "node:stream";
import type { TStoredStat } from "./types";

/** Counts and hashes (SHA-256) bytes as they are fed to `add`. */
export function createChecksum() {
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  return {
    add(chunk: Uint8Array) {
      hash.update(chunk);
      bytes += chunk.length;
    },
    result: (): TStoredStat => ({ bytes, sha256: hash.digest("hex") }),
  };
}

/** A pass-through stream that checksums what goes through it. */
export function checksumStream() {
  const sum = createChecksum();
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      sum.add(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: sum.result };
}
