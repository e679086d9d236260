import "@/lib/zod-config";
import { z } from "zod";
import { zEmail, zText } from "./common";

export const ZOrgSettings = z.object({
  name: zText({ label: "Organisation name", max: 200, min: 1 }),
  supportEmail: zEmail("Vendor support email"),
  reminderDaysBefore: z.coerce
    .number({ error: "Reminder lead time must be a number" })
    .int("Reminder lead time must be whole days")
    .min(1, "Reminder lead time must be at least 1 day")
    .max(60, "Reminder lead time must be at most 60 days"),
});
export type TOrgSettings = z.infer<typeof ZOrgSettings>;
