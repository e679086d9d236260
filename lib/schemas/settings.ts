import "@/lib/zod-config";
import { z } from "zod";
import { zEmail, zText } from "./common";

/** How far ahead a risk acceptance may expire, unless the organisation sets otherwise. */
export const RISK_ACCEPTANCE_MAX_MONTHS_DEFAULT = 12;
const RISK_ACCEPTANCE_MAX_MONTHS_CEILING = 60;

export const ZOrgSettings = z.object({
  name: zText({ label: "Organisation name", max: 200, min: 1 }),
  supportEmail: zEmail("Vendor support email"),
  reminderDaysBefore: z.coerce
    .number({ error: "Reminder lead time must be a number" })
    .int("Reminder lead time must be whole days")
    .min(1, "Reminder lead time must be at least 1 day")
    .max(60, "Reminder lead time must be at most 60 days"),
  // Optional so that a caller that does not send it keeps the stored limit (never resets it).
  riskAcceptanceMaxMonths: z.coerce
    .number({ error: "Risk acceptance limit must be a number" })
    .int("Risk acceptance limit must be whole months")
    .min(1, "Risk acceptance limit must be at least 1 month")
    .max(
      RISK_ACCEPTANCE_MAX_MONTHS_CEILING,
      `Risk acceptance limit must be at most ${RISK_ACCEPTANCE_MAX_MONTHS_CEILING} months`,
    )
    .optional(),
});
export type TOrgSettings = z.infer<typeof ZOrgSettings>;
/** The settings as stored and shown: every one has a value. */
export type TStoredOrgSettings = Required<TOrgSettings>;
