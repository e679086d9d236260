import { FLAG_CODES, TIERS, type TTier } from "../../rules/types";
import { zId } from "../../schemas/common";

// The vendor table's filters, sort and page: parsed from and written back to the URL.

export const VENDOR_STATUSES = [
  "none",
  "draft",
  "sent",
  "in_progress",
  "submitted",
  "changes_requested",
  "accepted",
  "rejected",
  "cancelled",
] as const;
export const VENDOR_SORTS = ["name", "tier", "rating", "score", "assessed", "findings"] as const;
export type TVendorFilters = {
  tier?: TTier;
  /** The status of the vendor's most recent assessment; "none" when it has none. */
  status?: (typeof VENDOR_STATUSES)[number];
  ownerId?: string;
  flag?: string;
  sort: (typeof VENDOR_SORTS)[number];
  dir: "asc" | "desc";
  page: number;
};
export const PAGE_SIZE = 20;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const oneOf = <T extends string>(list: readonly T[], v: string | undefined) =>
  list.includes(v as T) ? (v as T) : undefined;
// Owner ids are record ids (cuids). Anything else is ignored: a NUL in ?owner= failed the
// vendor-table query and the CSV export mid-stream (found by `npm run scan`'s wapiti probes).
const anId = (v: string | undefined) => (zId("Owner").safeParse(v).success ? v : undefined);

/** URL search params → filters; anything unknown is ignored rather than an error. */
export function parseVendorFilters({
  params,
}: {
  params: Record<string, string | string[] | undefined>;
}): TVendorFilters {
  const page = Number.parseInt(one(params.page) ?? "1", 10);
  return {
    tier: oneOf(TIERS, one(params.tier)),
    status: oneOf(VENDOR_STATUSES, one(params.status)),
    ownerId: anId(one(params.owner)),
    flag: oneOf(FLAG_CODES, one(params.flag)),
    sort: oneOf(VENDOR_SORTS, one(params.sort)) ?? "rating",
    dir: one(params.dir) === "desc" ? "desc" : "asc",
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1,
  };
}

/** Filters → URL search params (only what is set), for links and the CSV export. */
export function vendorFiltersToParams({
  filters,
  patch = {},
}: {
  filters: TVendorFilters;
  patch?: Partial<TVendorFilters>;
}): URLSearchParams {
  const f = { ...filters, ...patch };
  const p = new URLSearchParams();
  if (f.tier) p.set("tier", f.tier);
  if (f.status) p.set("status", f.status);
  if (f.ownerId) p.set("owner", f.ownerId);
  if (f.flag) p.set("flag", f.flag);
  if (f.sort !== "rating") p.set("sort", f.sort);
  if (f.dir !== "asc") p.set("dir", f.dir);
  if (f.page > 1) p.set("page", String(f.page));
  return p;
}
