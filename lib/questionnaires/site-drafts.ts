import { z } from "zod";
import type { TSite } from "@/lib/rules/types";
import { textCheck } from "@/lib/schemas/common";
import { MAX_ANSWER_NAME, MAX_SITE_ID, SITE_ROLES, ZSite } from "./values";

// A site the vendor has started but not finished (no location yet, no name yet…) is kept on the
// server as a draft beside the `sites` answer, never inside it: the answer stays the contract's
// shape for the engine, `assess` and exports, and submitting waits until no draft is left.

const messages = (max: number) => ({
  too_long: `text of at most ${max} characters`,
  nul: "text without NUL characters",
  unpaired_surrogate: "text without broken characters (half of an emoji or symbol)",
});
const draftText = (max = MAX_ANSWER_NAME) =>
  z
    .string({ error: "text" })
    .check(textCheck(max, messages(max)))
    .optional();
const draftNumber = z.number({ error: "a number" }).nullable().optional();

/** Every field may still be missing; what is there is checked like any answer text. */
export const ZSiteDraft = z.strictObject(
  {
    id: z
      .string({ error: "a site id" })
      .min(1, "a site id")
      .check(textCheck(MAX_SITE_ID, messages(MAX_SITE_ID))),
    name: draftText(),
    role: z.enum(SITE_ROLES, { error: "a site role" }).optional(),
    provider: draftText(),
    city: draftText(),
    country: draftText(64),
    lat: draftNumber,
    lon: draftNumber,
    region: draftText(),
    facility: draftText(),
  },
  { error: "a site being entered (an object with an id)" },
);
export const ZSiteDrafts = z.array(ZSiteDraft).max(200, "at most 200 sites being entered");
export type TSiteDraft = z.infer<typeof ZSiteDraft>;

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
