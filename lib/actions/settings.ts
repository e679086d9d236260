"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "../authz";
import { updateOrgSettings } from "../data/org";
import { actionError, type TActionResult } from "../errors";
import { ZOrgSettings } from "../schemas/settings";

export async function updateOrgSettingsAction(
  input: unknown,
): Promise<TActionResult<{ ok: true }>> {
  try {
    const user = await requireUser({ permission: "settings:manage" });
    const parsed = ZOrgSettings.parse(input);
    await updateOrgSettings({ orgId: user.orgId, actorId: user.id, input: parsed });
    revalidatePath("/admin/settings");
    return { data: { ok: true } };
  } catch (e) {
    return actionError(e);
  }
}
