"use server";

import { markInboxRead } from "../data/inbox";
import { setNotificationPreferences } from "../events/preferences";
import { ZMarkInboxRead, ZNotificationPreferences } from "../schemas/profile";
import { defineAction } from "./define";

// Each user changes only their own preferences and inbox: the user comes from the session.
export const updateNotificationPreferencesAction = defineAction({
  permission: "profile:manage",
  input: ZNotificationPreferences,
  revalidate: ["/profile"],
  run: async ({ input, user }) => {
    await setNotificationPreferences({ orgId: user.orgId, userId: user.id, email: input.email });
    return { ok: true as const };
  },
});

export const markInboxReadAction = defineAction({
  permission: "profile:manage",
  input: ZMarkInboxRead,
  revalidate: [["/", "layout"]],
  run: ({ input, user }) =>
    markInboxRead({
      orgId: user.orgId,
      userId: user.id,
      ...("all" in input ? { all: true } : { deliveryId: input.deliveryId }),
    }),
});
