"use server";

import { updateOrgSettings } from "../data/org";
import { ZOrgSettings } from "../schemas/settings";
import { defineAction } from "./define";

export const updateOrgSettingsAction = defineAction({
  permission: "settings:manage",
  input: ZOrgSettings,
  revalidate: ["/admin/settings"],
  run: async ({ input, user }) => {
    await updateOrgSettings({ orgId: user.orgId, actorId: user.id, input });
    return { ok: true as const };
  },
});
