import { z } from "zod";
import { FLAG_CODES, TIERS, type TRating, type TTier } from "../../rules/types";
import { zId } from "../../schemas/common";
import { zPageNumber } from "../../schemas/list-search";

// The vendor filters, sort and page: one schema, read from the URL by the dashboard (which
// ignores a bad value) and by the CSV and PDF exports (the PDF answers 400 naming the field).

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
/** The latest submitted assessment's rating; "none" when the vendor has never been rated. */
export const RATING_FILTERS = [
  "critical",
  "high",
  "medium",
  "low",
  "none",
] as const satisfies readonly (TRating | "none")[];
export const VENDOR_SORTS = ["name", "tier", "rating", "score", "assessed", "findings"] as const;
export const PAGE_SIZE = 20;

/** The shape of an organisation's own flag code (lib/questionnaires/extension/schema.ts). */
const ORG_CODE = /^ORG_[A-Z0-9_]{1,80}$/;

const oneOf = <T extends readonly [string, ...string[]]>(label: string, list: T) =>
  z.enum(list, { error: `${label} must be one of: ${list.join(", ")}` });

// URL parameter names (owner, not ownerId): the URL is what people share and what the errors name.
const ZVendorFilterParams = z.object({
  tier: oneOf("tier", TIERS).optional(),
  status: oneOf("status", VENDOR_STATUSES).optional(),
  // Owner ids are record ids (cuids): a NUL in ?owner= failed the vendor-table query and the
  // CSV export mid-stream (found by `npm run scan`'s wapiti probes).
  owner: zId("owner").optional(),
  // A core code, or one of an organisation's own rules (ORG_…, issue 19): a code no rule of
  // the caller's organisation raises matches no vendor, like a core code no vendor has.
  flag: z
    .string()
    .refine((c) => (FLAG_CODES as readonly string[]).includes(c) || ORG_CODE.test(c), {
      error: `flag must be one of: ${FLAG_CODES.join(", ")}, or an organisation's own code (ORG_…)`,
    })
    .optional(),
  rating: oneOf("rating", RATING_FILTERS).optional(),
  sort: oneOf("sort", VENDOR_SORTS).default("rating"),
  dir: oneOf("dir", ["asc", "desc"] as const).default("asc"),
  page: zPageNumber(),
});
type TFilterParams = z.output<typeof ZVendorFilterParams>;

export type TVendorFilters = {
  tier?: TTier;
  /** The status of the vendor's most recent assessment; "none" when it has none. */
  status?: (typeof VENDOR_STATUSES)[number];
  ownerId?: string;
  flag?: string;
  rating?: (typeof RATING_FILTERS)[number];
  sort: (typeof VENDOR_SORTS)[number];
  dir: "asc" | "desc";
  page: number;
};

export type TSearchParams = Record<string, string | string[] | undefined>;

/** One value per parameter, blank as absent (a submitted form sends "" for "any"). */
function firstValues(params: TSearchParams): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(ZVendorFilterParams.shape)) {
    const v = params[key];
    const first = Array.isArray(v) ? v[0] : v;
    out[key] = first === undefined || first === "" ? undefined : first;
  }
  return out;
}

const toFilters = ({ owner, ...rest }: TFilterParams): TVendorFilters => ({
  ...rest,
  ownerId: owner,
});

/** URL search params → filters; a value that is not valid is ignored (the dashboard's links). */
export function parseVendorFilters({ params }: { params: TSearchParams }): TVendorFilters {
  const values = firstValues(params);
  const first = ZVendorFilterParams.safeParse(values);
  if (first.success) return toFilters(first.data);
  for (const issue of first.error.issues) delete values[String(issue.path[0])];
  return toFilters(ZVendorFilterParams.parse(values));
}

export type TFilterParseResult =
  | { filters: TVendorFilters }
  | { error: string; fieldErrors: Record<string, string[]> };

/** URL search params → filters, or what is wrong with them, each message naming its parameter. */
export function safeParseVendorFilters({ params }: { params: TSearchParams }): TFilterParseResult {
  const result = ZVendorFilterParams.safeParse(firstValues(params));
  if (result.success) return { filters: toFilters(result.data) };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0]);
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  return {
    error: `Invalid filter: ${result.error.issues.map((i) => i.message).join("; ")}`,
    fieldErrors,
  };
}

/** Filters → URL search params (only what is set), for links and the exports. */
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
  if (f.rating) p.set("rating", f.rating);
  if (f.status) p.set("status", f.status);
  if (f.ownerId) p.set("owner", f.ownerId);
  if (f.flag) p.set("flag", f.flag);
  if (f.sort !== "rating") p.set("sort", f.sort);
  if (f.dir !== "asc") p.set("dir", f.dir);
  if (f.page > 1) p.set("page", String(f.page));
  return p;
}

/** Whether any filter narrows the vendor set (sort and page do not). */
export const narrowsVendors = (f: TVendorFilters) =>
  Boolean(f.tier || f.rating || f.status || f.ownerId || f.flag);

/** A heat-map cell's vendors: its tier and the rating of their latest assessment (null: none). */
export const heatCellFilters = ({
  tier,
  rating,
}: {
  tier: TTier;
  rating: TRating | null;
}): TVendorFilters => ({ tier, rating: rating ?? "none", sort: "name", dir: "asc", page: 1 });
