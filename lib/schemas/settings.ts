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
  // The notification windows (lib/jobs/notices.ts); optional like the limit above.
  findingDueSoonDays: z.coerce
    .number({ error: "Finding due-soon window must be a number" })
    .int("Finding due-soon window must be whole days")
    .min(1, "Finding due-soon window must be at least 1 day")
    .max(90, "Finding due-soon window must be at most 90 days")
    .optional(),
  riskExpiringDays: z.coerce
    .number({ error: "Risk acceptance expiring window must be a number" })
    .int("Risk acceptance expiring window must be whole days")
    .min(1, "Risk acceptance expiring window must be at least 1 day")
    .max(365, "Risk acceptance expiring window must be at most 365 days")
    .optional(),
});
/** Defaults of the notification windows: a finding "due soon", a risk acceptance "expiring". */
export const FINDING_DUE_SOON_DAYS_DEFAULT = 7;
export const RISK_EXPIRING_DAYS_DEFAULT = 30;
export type TOrgSettings = z.infer<typeof ZOrgSettings>;
/** The settings as stored and shown: every one has a value. */
export type TStoredOrgSettings = Required<TOrgSettings>;
