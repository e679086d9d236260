import { z } from "zod";
import { AssessmentStatus, VendorStatus } from "../generated/prisma/enums";
import { TIERS } from "../rules/types";
import { zId, zText } from "./common";

// The vendor and assessment lists' search: one schema per list, read from the URL (so a link,
// a reload or the back button restores it) by the page, and handed to lib/data as filters.

export const LIST_PAGE_SIZE = 50;
const MAX_PAGE = 10_000;

/** A list's page number in the URL: 1 or more, capped (a huge skip is a slow query). */
export const zPageNumber = () =>
  z.coerce
    .number({ error: "page must be a whole number of 1 or more" })
    .int("page must be a whole number of 1 or more")
    .min(1, "page must be a whole number of 1 or more")
    .transform((n) => Math.min(n, MAX_PAGE))
    .default(1);

const oneOf = <T extends Readonly<Record<string, string>>>(label: string, values: T) =>
  z.enum(values, { error: `${label} must be one of: ${Object.values(values).join(", ")}` });

const common = {
  q: zText({ label: "Name", max: 200 }).optional(),
  owner: zId("owner").optional(),
  tier: z.enum(TIERS, { error: `tier must be one of: ${TIERS.join(", ")}` }).optional(),
  page: zPageNumber(),
};

export const ZVendorSearch = z.object({
  ...common,
  status: oneOf("status", VendorStatus).default("active"),
});
export const ZAssessmentSearch = z.object({
  ...common,
  status: oneOf("status", AssessmentStatus).optional(),
});
export type TVendorSearch = z.output<typeof ZVendorSearch>;
export type TAssessmentSearch = z.output<typeof ZAssessmentSearch>;

type TSearchParams = Record<string, string | string[] | undefined>;

export type TParseListSearchInput<S extends z.ZodObject> = { schema: S; params: TSearchParams };
export type TListSearchResult<T> = { search: T; errors: string[] };

/**
 * URL search params → the search. A bad value is dropped, and its message (naming the field)
 * returned, so the page shows what it ignored instead of failing or silently widening.
 */
export function parseListSearch<S extends z.ZodObject>({
  schema,
  params,
}: TParseListSearchInput<S>): TListSearchResult<z.output<S>> {
  const values: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = params[key];
    const first = Array.isArray(v) ? v[0] : v;
    values[key] = first === undefined || first.trim() === "" ? undefined : first;
  }
  const first = schema.safeParse(values);
  if (first.success) return { search: first.data, errors: [] };
  const errors = first.error.issues.map((issue) => issue.message);
  for (const issue of first.error.issues) delete values[String(issue.path[0])];
  return { search: schema.parse(values), errors };
}

/** The search → URL search params (only what is set), for page links. */
export function listSearchToParams(search: Readonly<Record<string, unknown>>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    p.set(key, String(value));
  }
  return p;
}
