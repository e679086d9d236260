import { formatDate } from "@/lib/dates";

/** The saved versions of an admin setting (policy, own questions), latest first. */
export function VersionList({
  versions,
  empty,
}: {
  versions: { version: number; createdAt: Date; by: string | null }[];
  empty: string;
}) {
  if (versions.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-1 text-sm">
      {versions.map((v) => (
        <li key={v.version}>
          Version {v.version} · {formatDate(v.createdAt)}
          {v.by ? ` · ${v.by}` : ""}
        </li>
      ))}
    </ol>
  );
}
