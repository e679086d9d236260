import { type TManifest, totalRows } from "./manifest";

// Human-readable figures shared by the commands, the scheduled job and the admin page.

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** "1 evidence file", "2 evidence files". */
export const countOf = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

export function describeContents({ manifest }: { manifest: TManifest }): string {
  const fileBytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  return `${countOf(manifest.tables.length, "table")}, ${countOf(totalRows(manifest), "row")}, ${countOf(manifest.files.length, "evidence file")} (${formatBytes(fileBytes)})`;
}

export function describeBackup({
  manifest,
  bytes,
  ms,
}: {
  manifest: TManifest;
  bytes: number;
  ms: number;
}): string {
  const warn = manifest.warnings.length ? `; ${manifest.warnings.length} warning(s)` : "";
  return `${describeContents({ manifest })}; backup file ${formatBytes(bytes)}, took ${formatSeconds(ms)}${warn}`;
}
