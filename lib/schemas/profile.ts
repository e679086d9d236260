import "@/lib/zod-config";
import { z } from "zod";
import { STAFF_EVENT_TYPES, type TStaffEventType } from "../events/types";

const flag = z.boolean({ error: "Choose on or off" });

/** A user's mail preferences: one switch per kind of notification staff receive. */
export const ZNotificationPreferences = z.object({
  email: z.object(
    Object.fromEntries(STAFF_EVENT_TYPES.map((t) => [t, flag])) as Record<
      TStaffEventType,
      typeof flag
    >,
  ),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

/** Marks one inbox entry read, or all of them. */
export const ZMarkInboxRead = z.union([
  z.object({ deliveryId: z.string().min(1, "Which notification?").max(100) }),
  z.object({ all: z.literal(true) }),
]);
export type TMarkInboxRead = z.infer<typeof ZMarkInboxRead>;
