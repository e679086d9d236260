import { getSamePlaceReason } from "@/lib/rules/geo";
import { measurePair } from "@/lib/rules/site-facts";
import type { TSite } from "@/lib/rules/types";
import { formatDistanceKm } from "./distance-text";
import { hasCoordinates } from "./site-pairs";

// The one distance table, shared by the portal, the review page and the PDF. It lists the
// pairs the rules judge, not every pair: 200 sites make 19,900 pairs (a 594-page PDF and a
// 7 MB portal page), of which a reader needs each primary's nearest secondary and nearest
// backup, and every primary–secondary or primary–backup pair closer than required. Computing
// all pairs is fine at 200 sites (under a millisecond each); only the output is bounded.

/** Why a pair is listed. */
export type TDistancePairReason = "nearest-secondary" | "nearest-backup" | "too-close";

export type TDistancePair = {
  /** Always a primary. */
  a: TSite;
  b: TSite;
  aIndex: number;
  bIndex: number;
  /** Great-circle distance; NaN while either site lacks valid coordinates. */
  km: number;
  samePlace: "facility" | "distance" | null;
  /** Closer than the required separation (same place counts as 0 km). */
  tooClose: boolean;
  reasons: TDistancePairReason[];
};

export type TDistanceTable = {
  rows: TDistancePair[];
  /** Too-close pairs left out past the cap (the closest are kept). */
  omittedTooClose: number;
  /** How many pairs of sites there are in all, for "n of m pairs" captions. */
  allPairs: number;
};

/** Too-close pairs listed at most; past it the table says how many more there are. */
export const MAX_TOO_CLOSE_PAIRS = 400;

export type TListDistancePairsInput = {
  sites: readonly TSite[];
  minSeparationKm?: number;
  /** Sites named as holding backups (backup_site_ids); sites with the role "backup" count too. */
  backupIds?: readonly string[];
  maxTooClose?: number;
};

type TMeasured = Omit<TDistancePair, "reasons">;

function measure(
  a: TSite,
  aIndex: number,
  b: TSite,
  bIndex: number,
  minSeparationKm: number | undefined,
): TMeasured {
  // Without coordinates on both (NaN while typed, null after a JSON round trip) only a shared
  // facility can make two sites the same place: null would count as 0 degrees.
  const pair =
    hasCoordinates(a) && hasCoordinates(b)
      ? measurePair({ from: a, to: b })
      : { km: Number.NaN, samePlace: getSamePlaceReason({ a, b, km: Number.POSITIVE_INFINITY }) };
  const separation = pair.samePlace ? 0 : pair.km;
  const tooClose =
    minSeparationKm !== undefined && Number.isFinite(separation) && separation < minSeparationKm;
  return { a, b, aIndex, bIndex, km: pair.km, samePlace: pair.samePlace, tooClose };
}

/** Separation as the rules judge it (same place is 0 km); unknown sorts last. */
const separationOf = (p: TMeasured) =>
  p.samePlace ? 0 : Number.isFinite(p.km) ? p.km : Number.POSITIVE_INFINITY;

function nearest(pairs: readonly TMeasured[]): TMeasured | undefined {
  let best: TMeasured | undefined;
  for (const p of pairs) {
    if (!best || separationOf(p) < separationOf(best)) best = p;
  }
  return best;
}

export function listDistancePairs({
  sites,
  minSeparationKm,
  backupIds = [],
  maxTooClose = MAX_TOO_CLOSE_PAIRS,
}: TListDistancePairsInput): TDistanceTable {
  const backupSet = new Set(backupIds);
  const byKey = new Map<string, TDistancePair>();
  const add = (p: TMeasured, reason: TDistancePairReason) => {
    const key = `${p.aIndex}-${p.bIndex}`;
    const row = byKey.get(key) ?? { ...p, reasons: [] };
    if (!row.reasons.includes(reason)) row.reasons.push(reason);
    byKey.set(key, row);
  };
  const tooClose: TMeasured[] = [];
  sites.forEach((a, aIndex) => {
    if (a.role !== "primary") return;
    const secondaries: TMeasured[] = [];
    const backups: TMeasured[] = [];
    sites.forEach((b, bIndex) => {
      if (bIndex === aIndex) return;
      const isSecondary = b.role === "secondary";
      const isBackup = b.role === "backup" || backupSet.has(b.id);
      if (!isSecondary && !isBackup) return;
      const p = measure(a, aIndex, b, bIndex, minSeparationKm);
      if (isSecondary) secondaries.push(p);
      if (isBackup) backups.push(p);
      if (p.tooClose) tooClose.push(p);
    });
    const s = nearest(secondaries);
    if (s) add(s, "nearest-secondary");
    const b = nearest(backups);
    if (b) add(b, "nearest-backup");
  });
  tooClose.sort((x, y) => separationOf(x) - separationOf(y) || x.aIndex - y.aIndex);
  const kept = tooClose.slice(0, Math.max(0, maxTooClose));
  for (const p of kept) add(p, "too-close");
  const rows = [...byKey.values()].sort(
    (x, y) =>
      Number(y.tooClose) - Number(x.tooClose) ||
      separationOf(x) - separationOf(y) ||
      x.aIndex - y.aIndex ||
      x.bIndex - y.bIndex,
  );
  return {
    rows,
    // A too-close pair past the cap may still be listed as some primary's nearest.
    omittedTooClose: tooClose.filter((p) => !byKey.has(`${p.aIndex}-${p.bIndex}`)).length,
    allPairs: (sites.length * (sites.length - 1)) / 2,
  };
}

const COUNT = new Intl.NumberFormat("en");

export type TDescribeDistanceTableInput = {
  table: TDistanceTable;
  minSeparationKm?: number;
};

/** What the table lists, said once for the portal, the review page and the report. */
export function describeDistanceTable({
  table,
  minSeparationKm,
}: TDescribeDistanceTableInput): string {
  const { rows, omittedTooClose, allPairs } = table;
  const close =
    minSeparationKm === undefined
      ? ""
      : `, and every primary–secondary or primary–backup pair under the ${formatDistanceKm({ km: minSeparationKm })} required`;
  const count =
    rows.length < allPairs
      ? ` (${rows.length} of the ${COUNT.format(allPairs)} pairs of sites)`
      : "";
  const omitted =
    omittedTooClose > 0
      ? ` ${COUNT.format(omittedTooClose)} more pairs are too close and not listed; the closest are.`
      : "";
  return `Each primary's nearest secondary and nearest backup${close}${count}.${omitted}`;
}
