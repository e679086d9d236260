import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { poolConfigFromUrl } from "../db/pg-config";
import { defaultBackupDir } from "../env";
import { ContainerWriter } from "./backup-file";
import { exportEvidenceFiles, exportSnapshot } from "./export";
import { backupFileName, nextSequence, type TBackupKind, type TManifest } from "./manifest";
import { atMost, StallError, StallGuard } from "./stall-guard";

export type TCreateBackup = {
  /** The database to back up. */
  url: string;
  /** The app's DATA_DIR: evidence comes from uploads/. */
  dataDir: string;
  /** Where the file goes: BACKUP_DIR (default DATA_DIR/backups). */
  backupDir?: string;
  kind?: TBackupKind;
  /** Fails the backup when no step made progress for this long (default 2 minutes). */
  stallMs?: number;
  /** Stops the backup (the scheduler's time limit); it fails and cleans up as on an error. */
  signal?: AbortSignal;
};
export type TBackupResult = { file: string; bytes: number; manifest: TManifest; ms: number };

export const BACKUP_STALL_MS = 120_000;

/** A failed backup, with a message an operator can act on (the cause stays attached). */
export class BackupError extends Error {}

const DISK_ERRORS: Record<string, string> = {
  ENOSPC: "no space left on the backup disk",
  EDQUOT: "the disk quota for the backup folder is used up",
  EROFS: "the backup folder is on a read-only filesystem",
  EACCES: "no permission to write the backup folder",
  EIO: "the backup disk reported an I/O error",
};

function describeFailure(e: unknown, dir: string): BackupError {
  if (e instanceof StallError)
    return new BackupError(`backup stopped: ${e.message} (a hung disk or database?)`, {
      cause: e,
    });
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const disk = code ? DISK_ERRORS[code] : undefined;
  if (disk)
    return new BackupError(
      `${disk} (${code}) while writing ${dir}: the partial file was removed. Free space there (or move DATA_DIR), then back up again.`,
      { cause: e },
    );
  return e instanceof BackupError
    ? e
    : new BackupError(e instanceof Error ? e.message : String(e), { cause: e });
}

function appInfo() {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8"));
    return { name: String(pkg.name), version: String(pkg.version) };
  } catch {
    return { name: "unknown", version: "unknown" };
  }
}

/** Moves the finished temp file to its final name without ever replacing another backup. */
function publish({
  tmp,
  dir,
  at,
  kind,
}: {
  tmp: string;
  dir: string;
  at: Date;
  kind: TBackupKind;
}) {
  const fd = fs.openSync(tmp, "r");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  const first = nextSequence({ dir, at });
  for (let attempt = first; ; attempt++) {
    const file = path.join(dir, backupFileName({ at, kind, attempt }));
    try {
      fs.linkSync(tmp, file); // fails when the name exists, unlike rename
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST" && attempt < first + 100) continue;
      throw e;
    }
    fs.unlinkSync(tmp);
    try {
      const dfd = fs.openSync(dir, "r");
      fs.fsyncSync(dfd);
      fs.closeSync(dfd);
    } catch {} // not every platform can fsync a directory
    return file;
  }
}

/**
 * One consistent online backup: the database snapshot and its evidence files in one file
 * under BACKUP_DIR (default DATA_DIR/backups), written to a temp name and renamed only when complete. Any failure
 * (a full disk, a step without progress for `stallMs`, an abort) fails it at once: the
 * connection is closed, which makes the server roll the snapshot back, and the temp file
 * is removed.
 */
export async function createBackup({
  url,
  dataDir,
  backupDir = defaultBackupDir(dataDir),
  kind = "manual",
  stallMs = BACKUP_STALL_MS,
  signal,
}: TCreateBackup): Promise<TBackupResult> {
  const started = Date.now();
  const at = new Date();
  const dir = backupDir;
  const guard = new StallGuard({ limitMs: stallMs, signal });
  const tmp = path.join(dir, `.partial-${crypto.randomUUID()}.bcdr.gz`);
  const client = new pg.Client({
    ...poolConfigFromUrl({ url }),
    application_name: "bcdr-backup",
    connectionTimeoutMillis: stallMs,
  });
  client.on("error", () => {}); // a dropped connection fails the step in progress instead
  let writer: ContainerWriter | undefined;
  let failure: BackupError | undefined;
  const step = (name: string) => guard.progress(name);
  try {
    return await guard.race(
      (async () => {
        step("creating the backup folder");
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        writer = await ContainerWriter.open({ file: tmp, onProgress: () => guard.progress() });
        step("connecting to the database");
        await client.connect();
        // The server's own limit: a snapshot whose client went silent is released, never
        // left "idle in transaction" blocking vacuum.
        await client.query(`SET idle_in_transaction_session_timeout = ${Math.ceil(stallMs)}`);
        const snap = await exportSnapshot({ client, writer, onStep: step });
        const { files, warnings } = await exportEvidenceFiles({
          writer,
          uploadsDir: path.join(dataDir, "uploads"),
          evidence: snap.evidence,
          onStep: step,
        });
        const manifest: TManifest = {
          format: "bcdr-backup",
          version: 1,
          kind,
          createdAt: at.toISOString(),
          app: appInfo(),
          source: snap.source,
          migrations: snap.migrations,
          tables: snap.tables,
          files,
          warnings,
        };
        step("finishing the backup file");
        await writer.finish({ manifest });
        step("publishing the backup file");
        const file = publish({ tmp, dir, at, kind });
        return { file, bytes: fs.statSync(file).size, manifest, ms: Date.now() - started };
      })(),
    );
  } catch (e) {
    failure = describeFailure(e, dir);
    throw failure;
  } finally {
    guard.stop();
    // Closing also ends a COPY left half-read by a failed write (pg destroys the socket of a
    // busy connection), and the server rolls the snapshot back.
    await atMost(5_000, client.end());
    if (failure) {
      if (writer) await atMost(5_000, writer.abort());
      fs.rmSync(tmp, { force: true });
    }
  }
}
