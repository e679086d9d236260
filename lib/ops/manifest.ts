import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// What a backup holds, checked entry by entry before anything is restored.
const ZHex = (len: number) => z.string().regex(new RegExp(`^[0-9a-f]{${len}}$`));

/** An evidence file's storedName is a bare file name: never a path out of uploads/. */
export function isSafeStoredName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name !== "." &&
    name !== ".." &&
    !/[/\\\0]/.test(name) &&
    path.basename(name) === name
  );
}

export const BACKUP_KINDS = ["manual", "scheduled", "drill"] as const;
export type TBackupKind = (typeof BACKUP_KINDS)[number];

export const ZManifest = z.object({
  format: z.literal("bcdr-backup"),
  version: z.literal(1),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  source: z.object({ database: z.string(), serverVersion: z.string() }),
  migrations: z.array(z.object({ name: z.string().min(1), checksum: z.string() })),
  /** In file order, which is foreign-key dependency order (referenced tables first). */
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.string().min(1)).min(1),
      rows: z.number().int().min(0),
      bytes: z.number().int().min(0),
      sha256: ZHex(64),
      /** md5 over the sorted md5s of each row's text, taken inside the backup's snapshot. */
      md5: ZHex(32),
    }),
  ),
  files: z.array(
    z.object({
      name: z.string().refine(isSafeStoredName, "not a bare file name"),
      bytes: z.number().int().min(0),
      sha256: ZHex(64),
    }),
  ),
  warnings: z.array(z.string()),
});
export type TManifest = z.infer<typeof ZManifest>;

export const totalRows = (m: TManifest) => m.tables.reduce((n, t) => n + t.rows, 0);

// backup-2026-11-27T22-30-00Z[-scheduled|-drill][-2].bcdr.gz — names sort by time.
const NAME =
  /^backup-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)(?:-(scheduled|drill))?(?:-(\d+))?\.bcdr\.gz$/;

export function backupFileName({
  at,
  kind,
  attempt = 1,
}: {
  at: Date;
  kind: TBackupKind;
  attempt?: number;
}) {
  const stamp = `${at.toISOString().slice(0, 19).replace(/:/g, "-")}Z`;
  return `backup-${stamp}${kind === "manual" ? "" : `-${kind}`}${attempt > 1 ? `-${attempt}` : ""}.bcdr.gz`;
}

export type TBackupFile = {
  file: string;
  name: string;
  kind: TBackupKind;
  stamp: string;
  /** 1, or the suffix of a later backup made in the same second. */
  sequence: number;
};

/** Complete backups in `dir`, newest first (partial files are never listed). */
export function listBackupFiles({ dir }: { dir: string }): TBackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const out: TBackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const kind = (m[2] as TBackupKind | undefined) ?? "manual";
    out.push({ file: path.join(dir, name), name, kind, stamp: m[1]!, sequence: Number(m[3] ?? 1) });
  }
  return out.sort((a, b) =>
    a.stamp === b.stamp ? b.sequence - a.sequence : a.stamp < b.stamp ? 1 : -1,
  );
}

/**
 * The first sequence to try for a new backup: past every one made in the same second, even
 * if retention deleted some, so a newer backup never sorts as older.
 */
export function nextSequence({ dir, at }: { dir: string; at: Date }): number {
  const stamp = backupFileName({ at, kind: "manual" }).slice("backup-".length, -".bcdr.gz".length);
  const same = listBackupFiles({ dir }).filter((f) => f.stamp === stamp);
  return 1 + Math.max(0, ...same.map((f) => f.sequence));
}
