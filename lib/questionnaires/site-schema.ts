import "@/lib/zod-config";
import * as z from "zod/mini";
import { ZCountryCode } from "@/lib/questionnaires/countries";
import { type TTextMessages, textCheck } from "@/lib/schemas/text-check";

// A site of a sites answer, in zod/mini: the vendor portal checks its sites in the browser
// (the editor's field messages, which sites are still drafts) with the very schema the server
// and the assess command use (lib/questionnaires/values.ts builds the answers from these), and
// zod/mini leaves zod's full build (~30 KB gzip) out of the portal's JavaScript. Each message
// is the "expected" half of a parse error, written for the person who has to fix the file.

export const quoteList = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");

/** Longest free-text answer; the portal's text box stops typing here too. */
export const MAX_ANSWER_TEXT = 10_000;
/** Longest name in an answer: a site, a provider, a city, a company, a service. */
export const MAX_ANSWER_NAME = 200;
/** Longest site id. */
export const MAX_SITE_ID = 64;
/** The most sites in an answer. */
export const MAX_SITES = 200;

export const answerTextMessages = (max: number): TTextMessages => ({
  too_long: `text of at most ${max} characters`,
  nul: "text without NUL characters",
  unpaired_surrogate: "text without broken characters (half of an emoji or symbol)",
});

/** Every string in an answer passes the same check as the staff forms' text fields. */
export const answerText = (what: string, max = MAX_ANSWER_NAME) =>
  z.string({ error: what }).check(textCheck(max, answerTextMessages(max)));

const coordinate = (name: string, limit: number) => {
  const expected = `a number from -${limit} to ${limit} (${name})`;
  return z.number({ error: expected }).check(z.gte(-limit, expected), z.lte(limit, expected));
};

export const SITE_ROLES = ["primary", "secondary", "backup", "processing"] as const;
export const SITE_FIELDS =
  "id, name, role, provider, city, country, lat, lon and optional region, facility";

export const ZSite = z.strictObject(
  {
    id: answerText("a non-empty site id", MAX_SITE_ID).check(
      z.refine((id) => id.trim() !== "", { error: "a non-empty site id" }),
    ),
    name: answerText("the site's name as text"),
    role: z.enum(SITE_ROLES, { error: `one of ${quoteList(SITE_ROLES)}` }),
    provider: answerText("the provider's name as text"),
    city: answerText("the city as text"),
    country: ZCountryCode,
    lat: coordinate("latitude", 90),
    lon: coordinate("longitude", 180),
    region: z.optional(answerText("the provider's region name as text")),
    facility: z.optional(answerText("the building or campus name as text")),
  },
  { error: `a site object with ${SITE_FIELDS}` },
);

export const SITES_EXPECTED = "a list of site objects";
export const SITES_TOO_MANY = `a list of at most ${MAX_SITES} sites`;

/** No two sites of a list share an id (the second one is named). */
export const uniqueSiteIds: z.core.CheckFn<readonly { id: string }[]> = (ctx) => {
  const seen = new Map<string, number>();
  ctx.value.forEach((site, index) => {
    const first = seen.get(site.id);
    if (first === undefined) seen.set(site.id, index);
    else {
      ctx.issues.push({
        code: "custom",
        input: site.id,
        path: [index, "id"],
        message: `an id no other site uses (sites[${first}] already has "${site.id}")`,
      });
    }
  });
};

export const ZSites = z
  .array(ZSite, { error: SITES_EXPECTED })
  .check(z.maxLength(MAX_SITES, SITES_TOO_MANY), uniqueSiteIds);
