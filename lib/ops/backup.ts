import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { poolConfigFromUrl } from "../db/pg-config";
import { exportEvidenceFiles, exportSnapshot } from "./export";
import { ContainerWriter } from "./format";
import { backupFileName, nextSequence, type TBackupKind, type TManifest } from "./manifest";

export type TCreateBackup = {
  /** The database to back up. */
  url: string;
  /** The app's DATA_DIR: evidence comes from uploads/, the file goes to backups/. */
  dataDir: string;
  kind?: TBackupKind;
};
export type TBackupResult = { file: string; bytes: number; manifest: TManifest; ms: number };

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
 * under DATA_DIR/backups, written to a temp name and renamed only when complete.
 */
export async function createBackup({
  url,
  dataDir,
  kind = "manual",
}: TCreateBackup): Promise<TBackupResult> {
  const started = Date.now();
  const at = new Date();
  const dir = path.join(dataDir, "backups");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.partial-${crypto.randomUUID()}.bcdr.gz`);
  const writer = await ContainerWriter.open({ file: tmp });
  const client = new pg.Client(poolConfigFromUrl({ url }));
  try {
    await client.connect();
    const snap = await exportSnapshot({ client, writer });
    const { files, warnings } = await exportEvidenceFiles({
      writer,
      uploadsDir: path.join(dataDir, "uploads"),
      evidence: snap.evidence,
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
    await writer.finish({ manifest });
    const file = publish({ tmp, dir, at, kind });
    return { file, bytes: fs.statSync(file).size, manifest, ms: Date.now() - started };
  } catch (e) {
    await writer.abort();
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}
