import type { Readable } from "node:stream";

// Where evidence and report files live (lib/storage/index.ts picks one by STORAGE).

export type TStoredStat = { bytes: number; sha256: string };

export type TStorage = {
  kind: "disk" | "postgres";
  /** Writes a new file under `key` from `body`, never over an existing one; readable only once whole. */
  put: (input: { key: string; body: Readable | AsyncIterable<Uint8Array> }) => Promise<TStoredStat>;
  /** The file's bytes as a stream, or null when there is no such (whole) file. */
  get: (input: { key: string }) => Promise<Readable | null>;
  /** Size and SHA-256 of a whole file, or null. */
  stat: (input: { key: string }) => Promise<TStoredStat | null>;
  exists: (input: { key: string }) => Promise<boolean>;
  delete: (input: { key: string }) => Promise<void>;
  /** Keys of every whole file (for storage:migrate). */
  list: () => AsyncIterable<string>;
  /**
   * Removes what writes left half-done when their process died (a write cleans up after itself
   * when it merely fails) and started before `before`; returns how many were removed.
   */
  sweepAbandoned: (input: { before: Date }) => Promise<number>;
};

/** The storage refused the bytes (disk full, quota, database down …): not the uploader's fault. */
export class StorageError extends Error {
  constructor(readonly code: string | undefined) {
    super(
      "The server could not store the file: its storage is full or unavailable. Your answers are saved; try the upload again later, or tell the person who sent you this link.",
    );
  }
}

/** A key is a bare file name (letters, digits, . _ -): never a path out of the store. */
export function assertSafeKey(key: string) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(key)) throw new Error(`bad storage key ${key}`);
}
