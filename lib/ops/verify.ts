import fs from "node:fs";
import { BackupFormatError, EntryHasher, type TEntryStats } from "./backup-file";
import { type TManifest, ZManifest } from "./manifest";
import { readContainer } from "./reader";

/** A backup that must not be restored; `problems` names each thing that failed. */
export class BackupVerifyError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Backup ${file} failed verification:\n  - ${problems.join("\n  - ")}`);
  }
}

const key = (kind: string, name: string) => `${kind} "${name}"`;

function parseManifest(json: string): { manifest?: TManifest; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { problems: ["the manifest is not valid JSON"] };
  }
  const r = ZManifest.safeParse(raw);
  if (r.success) return { manifest: r.data, problems: [] };
  return {
    problems: r.error.issues.map((i) => `manifest field ${i.path.join(".")}: ${i.message}`),
  };
}

function compare(
  name: string,
  want: { bytes: number; sha256: string; rows?: number },
  got?: TEntryStats,
) {
  if (!got) return [`${name} is listed in the manifest but missing from the file`];
  const out: string[] = [];
  if (got.sha256 !== want.sha256)
    out.push(
      `${name}: SHA-256 mismatch (manifest ${want.sha256.slice(0, 12)}…, data ${got.sha256.slice(0, 12)}…)`,
    );
  if (got.bytes !== want.bytes)
    out.push(`${name}: ${got.bytes} bytes, manifest says ${want.bytes}`);
  if (want.rows !== undefined && got.lines !== want.rows)
    out.push(`${name}: ${got.lines} rows, manifest says ${want.rows}`);
  return out;
}

/**
 * Reads the whole backup and checks every entry against the manifest (checksum, size, rows)
 * and the manifest against its own checksum. Writes nothing. Throws BackupVerifyError.
 */
export async function verifyBackup({ file }: { file: string }): Promise<{ manifest: TManifest }> {
  if (!fs.existsSync(file)) throw new BackupVerifyError(file, ["the file does not exist"]);
  const seen = new Map<string, TEntryStats>();
  const problems: string[] = [];
  let manifestJson: string;
  try {
    ({ manifestJson } = await readContainer({
      file,
      onEntry: async (header, body) => {
        const hasher = new EntryHasher();
        for await (const chunk of body) hasher.update(chunk);
        const k = key(header.kind, header.name);
        if (seen.has(k)) problems.push(`${k} appears twice`);
        seen.set(k, hasher.digest());
      },
    }));
  } catch (e) {
    if (e instanceof BackupFormatError) throw new BackupVerifyError(file, [e.message]);
    throw e;
  }
  const parsed = parseManifest(manifestJson);
  problems.push(...parsed.problems);
  const { manifest } = parsed;
  if (!manifest) throw new BackupVerifyError(file, problems);
  const listed = new Set<string>();
  for (const t of manifest.tables) {
    const k = key("table", t.name);
    listed.add(k);
    problems.push(...compare(k, t, seen.get(k)));
  }
  for (const f of manifest.files) {
    const k = key("file", f.name);
    listed.add(k);
    problems.push(...compare(k, f, seen.get(k)));
  }
  for (const k of seen.keys())
    if (!listed.has(k)) problems.push(`${k} is in the file but not in the manifest`);
  if (problems.length) throw new BackupVerifyError(file, problems);
  return { manifest };
}
