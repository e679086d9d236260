import path from "node:path";
import { db } from "../db";
import { getEnv, type TEnv } from "../env";
import { createDiskStorage } from "./disk";
import { createPostgresStorage } from "./postgres";
import type { TStorage } from "./types";

export { StorageError, type TStorage } from "./types";

/** The disk store's folder: DATA_DIR/uploads (what backups and restores have always used). */
export const uploadsDir = ({ env = getEnv() }: { env?: TEnv } = {}) =>
  path.join(env.DATA_DIR, "uploads");

export function storageOf({ kind, env = getEnv() }: { kind: TEnv["STORAGE"]; env?: TEnv }) {
  return kind === "postgres"
    ? createPostgresStorage({ db })
    : createDiskStorage({ dir: uploadsDir({ env }) });
}

/** The store chosen by STORAGE (default postgres with DATABASE_URL, disk without). */
export function getStorage(): TStorage {
  return storageOf({ kind: getEnv().STORAGE });
}
