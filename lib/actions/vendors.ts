"use server";

import { z } from "zod";
import { addVendorContact, createVendor, setVendorArchived, updateVendor } from "../data/vendors";
import { zId } from "../schemas/common";
import { ZVendor, ZVendorContact } from "../schemas/vendor";
import { defineAction, type TRevalidate } from "./define";

// A cuid: anything else (a NUL, megabytes) is a field error, never a query.
const ZVendorId = zId("Vendor");
const revalidate: TRevalidate[] = [["/vendors", "layout"]];

export const createVendorAction = defineAction({
  permission: "vendor:write",
  input: ZVendor,
  revalidate,
  run: async ({ input, user }) => {
    const vendor = await createVendor({ orgId: user.orgId, actorId: user.id, input });
    return { id: vendor.id };
  },
});

export const updateVendorAction = defineAction({
  permission: "vendor:write",
  input: ZVendor.extend({ vendorId: ZVendorId }),
  revalidate,
  run: async ({ input: { vendorId, ...input }, user }) => {
    await updateVendor({ orgId: user.orgId, actorId: user.id, vendorId, input });
    return { ok: true as const };
  },
});

export const setVendorArchivedAction = defineAction({
  permission: "vendor:write",
  input: z.object({ vendorId: ZVendorId, archived: z.boolean() }),
  revalidate,
  run: async ({ input, user }) => {
    await setVendorArchived({ orgId: user.orgId, actorId: user.id, ...input });
    return { ok: true as const };
  },
});

export const addVendorContactAction = defineAction({
  permission: "vendor:write",
  input: ZVendorContact.extend({ vendorId: ZVendorId }),
  revalidate,
  run: async ({ input: { vendorId, ...input }, user }) => {
    const c = await addVendorContact({ orgId: user.orgId, actorId: user.id, vendorId, input });
    return { id: c.id };
  },
});
