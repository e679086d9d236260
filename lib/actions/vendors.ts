"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "../authz";
import { createVendor } from "../data/vendors";
import { actionError, type TActionResult } from "../errors";
import { ZVendor } from "../schemas/vendor";

export async function createVendorAction(input: unknown): Promise<TActionResult<{ id: string }>> {
  try {
    const parsed = ZVendor.parse(input);
    const user = await requireUser({ permission: "vendor:write" });
    const vendor = await createVendor({ orgId: user.orgId, actorId: user.id, input: parsed });
    revalidatePath("/vendors");
    return { data: { id: vendor.id } };
  } catch (e) {
    return actionError(e);
  }
}
