import type { TSiteDraft } from "@/lib/questionnaires/site-drafts";

export type { TSiteDraft };

import { ZSite } from "@/lib/questionnaires/site-schema";
import type { TSite } from "@/lib/rules/types";

// The sites list as the portal's editor holds it: the answer's sites and the drafts (sites
// still being entered, lib/questionnaires/site-drafts.ts) in one list. Checked with the
// zod/mini site schema, so the browser needs no more of zod than that.

/** The sites ready for the answer, and the ones still being entered (kept as drafts). */
export function splitSiteDrafts({ sites }: { sites: readonly unknown[] }): {
  complete: TSite[];
  drafts: unknown[];
} {
  const complete: TSite[] = [];
  const drafts: unknown[] = [];
  for (const site of sites) {
    const parsed = ZSite.safeParse(site);
    if (parsed.success) complete.push(parsed.data as TSite);
    else drafts.push(site);
  }
  return { complete, drafts };
}

const hasLocation = (d: { lat?: number | null; lon?: number | null }) =>
  Number.isFinite(d.lat) && Number.isFinite(d.lon);

/** What a vendor must still do to a draft, in their words: "Site 2 needs its location: …". */
export function describeSiteDraft({ draft, index }: { draft: TSiteDraft; index: number }) {
  const name = draft.name?.trim() ? ` (${draft.name.trim()})` : "";
  const where = `Site ${index + 1}${name}`;
  if (!hasLocation(draft)) return `${where} needs its location: pick a city or type coordinates`;
  if (!draft.name?.trim()) return `${where} needs a name`;
  if (!draft.provider?.trim()) return `${where} needs its provider`;
  if (!draft.city?.trim()) return `${where} needs its city`;
  return `${where} is not complete: check its fields`;
}

const siteNumber = (id: string) => Number(/^site-(\d+)$/.exec(id)?.[1] ?? Number.MAX_SAFE_INTEGER);

/**
 * The list the editor shows: the answer's sites and the drafts, in the order they were added
 * (site ids are numbered as they are handed out). A draft's missing coordinate is NaN there.
 */
export function mergeSiteDrafts({
  sites,
  drafts,
}: {
  sites: readonly TSite[];
  drafts: readonly TSiteDraft[];
}): TSite[] {
  const fromDrafts = drafts.map(
    (d): TSite => ({
      ...d,
      name: d.name ?? "",
      role: d.role ?? "secondary",
      provider: d.provider ?? "",
      city: d.city ?? "",
      country: d.country ?? "",
      lat: d.lat ?? Number.NaN,
      lon: d.lon ?? Number.NaN,
    }),
  );
  return [...sites, ...fromDrafts].sort((a, b) => siteNumber(a.id) - siteNumber(b.id));
}
