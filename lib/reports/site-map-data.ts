import { describeDistanceTable, listDistancePairs } from "@/lib/geo/distance-pairs";
import { formatDistanceKm } from "@/lib/geo/distance-text";
import { getBasemap, MAP_WIDTH, projectArc } from "@/lib/geo/map-geometry";
import { layoutPoints } from "@/lib/geo/map-layout";
import { DEFAULT_KIND_COLORS, FALLBACK_COLOR } from "@/lib/geo/map-style";
import { buildSiteMap, labelSite } from "@/lib/geo/site-map";
import type { TSite } from "@/lib/rules/types";
import type { TDistanceRow, TSiteMapData } from "./types";

// The review page's map geometry (same projection, arcs and label layout), flattened to path
// strings and coordinates so the PDF worker draws it without d3.

const MAP_HEIGHT = 420;
const KIND_LABELS: Record<string, string> = {
  primary: "Primary",
  secondary: "Secondary",
  backup: "Backup",
  processing: "Processing",
};

export type TBuildSiteMapDataInput = { sites: readonly TSite[]; minSeparationKm?: number };

export function buildSiteMapData({ sites }: TBuildSiteMapDataInput): TSiteMapData | null {
  const { points, links } = buildSiteMap({ sites });
  if (points.length === 0) return null;
  const basemap = getBasemap({ height: MAP_HEIGHT, focus: points });
  const { projection } = basemap;
  const projected = points.flatMap((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [{ ...p, x: xy[0], y: xy[1] }] : [];
  });
  const byId = new Map(points.map((p) => [p.id, p]));
  const arcs = links.flatMap((link) => {
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    if (!from || !to) return [];
    const { d, mid } = projectArc({ projection, from, to });
    return [{ d, label: link.label, mid: mid ? ([mid[0], mid[1]] as [number, number]) : null }];
  });
  const { markers, labels } = layoutPoints({ points: projected });
  const colorOf = (kind: string) => DEFAULT_KIND_COLORS[kind] ?? FALLBACK_COLOR;
  const kinds = [...new Set(points.map((p) => p.kind))];
  return {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    sphere: basemap.sphere,
    land: cropPath({ d: basemap.land, width: MAP_WIDTH, height: MAP_HEIGHT }),
    borders: cropPath({ d: basemap.borders, width: MAP_WIDTH, height: MAP_HEIGHT }),
    arcs,
    markers: markers.map((m) => ({
      id: m.id,
      x: m.x,
      y: m.y,
      kind: m.kind,
      color: colorOf(m.kind),
    })),
    labels: labels.map(({ text, x, y, anchor }) => ({ text, x, y, anchor })),
    legend: kinds.map((kind) => ({ kind, label: KIND_LABELS[kind] ?? kind, color: colorOf(kind) })),
  };
}

export type TCropPathInput = { d: string; width: number; height: number };

/**
 * The path without the subpaths (rings, border lines) that lie wholly outside the map's
 * frame. The basemap is the whole world projected; a regional map shows a few percent of it,
 * and every PDF drew the rest under its clip path (~80 ms of each render, see README.md).
 * Subpaths that cross the frame are kept whole, so what shows is unchanged.
 */
export function cropPath({ d, width, height }: TCropPathInput): string {
  const margin = 2;
  const kept: string[] = [];
  for (const sub of d.split(/(?=M)/)) {
    const nums = sub.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi);
    if (!nums) continue;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const x = Number(nums[i]);
      const y = Number(nums[i + 1]);
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const outside =
      maxX < -margin || minX > width + margin || maxY < -margin || minY > height + margin;
    if (!outside) kept.push(sub);
  }
  return kept.join("");
}

export type TBuildDistanceRowsInput = TBuildSiteMapDataInput & {
  backupIds?: readonly string[];
};

const REASON_TEXT = {
  "nearest-secondary": "nearest secondary",
  "nearest-backup": "nearest backup",
  "too-close": null,
} as const;

/**
 * The shared distance table (lib/geo/distance-pairs.ts) as report rows, with the line that
 * says what it lists: the pairs the rules judge, not every pair.
 */
export function buildDistanceRows({ sites, minSeparationKm, backupIds }: TBuildDistanceRowsInput): {
  rows: TDistanceRow[];
  note: string;
} {
  const table = listDistancePairs({ sites, minSeparationKm, backupIds });
  const rows = table.rows.map((pair) => ({
    from: `${labelSite(pair.a, pair.aIndex)} (${pair.a.role})`,
    to: `${labelSite(pair.b, pair.bIndex)} (${pair.b.role})`,
    distance: formatDistanceKm({ km: pair.km }),
    note: [
      ...pair.reasons.map((r) => REASON_TEXT[r]),
      pair.samePlace === "facility" ? "same facility" : pair.samePlace ? "same place" : "",
      pair.tooClose ? `below the ${minSeparationKm} km required` : "",
    ]
      .filter(Boolean)
      .join("; "),
  }));
  return { rows, note: describeDistanceTable({ table, minSeparationKm }) };
}
