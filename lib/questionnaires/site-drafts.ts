import { z } from "zod";
import { textCheck } from "@/lib/schemas/common";
import { MAX_ANSWER_NAME, MAX_SITE_ID, SITE_ROLES } from "./site-schema";

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

export {
  describeSiteDraft,
  mergeSiteDrafts,
  splitSiteDrafts,
} from "@/lib/questionnaires/site-draft-list";
