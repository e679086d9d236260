"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "../authz";
import { addVendorContact, createVendor, setVendorArchived, updateVendor } from "../data/vendors";
import { actionError, type TActionResult } from "../errors";
import { zId } from "../schemas/common";
import { ZVendor, ZVendorContact } from "../schemas/vendor";

// A cuid: anything else (a NUL, megabytes) is a field error, never a query.
const ZId = zId("Vendor");

async function write<T>(fn: () => Promise<T>): Promise<TActionResult<T>> {
  try {
    const data = await fn();
    revalidatePath("/vendors", "layout");
    return { data };
  } catch (e) {
    return actionError(e);
  }
}

export async function createVendorAction(input: unknown) {
  return write(async () => {
    const user = await requireUser({ permission: "vendor:write" });
    const parsed = ZVendor.parse(input);
    const vendor = await createVendor({ orgId: user.orgId, actorId: user.id, input: parsed });
    return { id: vendor.id };
  });
}

export async function updateVendorAction(vendorId: unknown, input: unknown) {
  return write(async () => {
    const user = await requireUser({ permission: "vendor:write" });
    const id = ZId.parse(vendorId);
    const parsed = ZVendor.parse(input);
    await updateVendor({ orgId: user.orgId, actorId: user.id, vendorId: id, input: parsed });
    return { ok: true };
  });
}

export async function setVendorArchivedAction(vendorId: unknown, archived: unknown) {
  return write(async () => {
    const user = await requireUser({ permission: "vendor:write" });
    const id = ZId.parse(vendorId);
    const flag = z.boolean().parse(archived);
    await setVendorArchived({ orgId: user.orgId, actorId: user.id, vendorId: id, archived: flag });
    return { ok: true };
  });
}

export async function addVendorContactAction(vendorId: unknown, input: unknown) {
  return write(async () => {
    const user = await requireUser({ permission: "vendor:write" });
    const id = ZId.parse(vendorId);
    const parsed = ZVendorContact.parse(input);
    const c = await addVendorContact({
      orgId: user.orgId,
      actorId: user.id,
      vendorId: id,
      input: parsed,
    });
    return { id: c.id };
  });
}
