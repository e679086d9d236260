import { z } from "zod";
import { findVendorRow, listVendorContacts, listVendorsPage } from "../../data/api-reads";
import {
  addVendorContact,
  createVendor,
  setVendorArchived,
  updateVendor,
} from "../../data/vendors";
import { ZPageQuery, zPageOf } from "../../schemas/canonical/assessment";
import {
  ZContactRead,
  ZContactWrite,
  ZVendorRead,
  ZVendorWrite,
} from "../../schemas/canonical/vendor";
import { TIERS } from "../../schemas/common";
import { apiBy } from "../actor";
import { checkIfMatch, defineOperation, etagOf, json } from "../define";
import { toContact, toVendor } from "../serialize";

const tag = "Vendors";
export const pageSize = (limit?: string) => (limit ? Number(limit) : 50);

export const listVendorsOp = defineOperation({
  id: "listVendors",
  method: "GET",
  path: "/vendors",
  summary: "List vendors, filtered, one page at a time",
  tag,
  permission: "vendor:read",
  query: ZPageQuery.extend({
    tier: z.enum(TIERS).optional(),
    status: z.enum(["active", "archived"]).optional(),
    q: z.string().max(200, "q must be at most 200 characters").optional(),
  }),
  response: { status: 200, schema: zPageOf(ZVendorRead) },
  run: async ({ caller, query }) => {
    const { data, nextCursor } = await listVendorsPage({
      orgId: caller.orgId,
      ...query,
      limit: pageSize(query.limit),
    });
    return json({ data: data.map(toVendor), nextCursor });
  },
});

export const createVendorOp = defineOperation({
  id: "createVendor",
  method: "POST",
  path: "/vendors",
  summary: "Create a vendor",
  tag,
  permission: "vendor:write",
  body: ZVendorWrite,
  response: { status: 201, schema: ZVendorRead },
  run: async ({ caller, body }) => {
    const { id } = await createVendor({
      orgId: caller.orgId,
      ...apiBy(caller),
      input: body,
    });
    const v = await findVendorRow({ orgId: caller.orgId, vendorId: id });
    return json(toVendor(v), {
      status: 201,
      etag: etagOf(v.updatedAt),
      location: `/api/v1/vendors/${id}`,
    });
  },
});

export const getVendorOp = defineOperation({
  id: "getVendor",
  method: "GET",
  path: "/vendors/{vendorId}",
  summary: "Read a vendor (its ETag is the version If-Match names)",
  tag,
  permission: "vendor:read",
  response: { status: 200, schema: ZVendorRead },
  run: async ({ caller, params }) => {
    const v = await findVendorRow({ orgId: caller.orgId, vendorId: params.vendorId! });
    return json(toVendor(v), { etag: etagOf(v.updatedAt) });
  },
});

const ZVendorPatch = ZVendorWrite.extend({ services: ZVendorWrite.shape.services.unwrap() })
  .partial()
  .meta({ id: "VendorPatch", description: "The fields to change; the others keep their values." });

export const updateVendorOp = defineOperation({
  id: "updateVendor",
  method: "PATCH",
  path: "/vendors/{vendorId}",
  summary: "Change a vendor's fields (If-Match: its ETag; 412 when it changed meanwhile)",
  tag,
  permission: "vendor:write",
  body: ZVendorPatch,
  ifMatch: true,
  response: { status: 200, schema: ZVendorRead },
  run: async ({ caller, params, body, req }) => {
    const scope = { orgId: caller.orgId, vendorId: params.vendorId! };
    const v = await findVendorRow(scope);
    const ifVersion = checkIfMatch(req, v.updatedAt);
    const input = ZVendorWrite.parse({
      name: v.name,
      services: v.services,
      tier: v.tier,
      ownerId: v.ownerId ?? undefined,
      website: v.website ?? undefined,
      notes: v.notes ?? undefined,
      ...body,
    });
    await updateVendor({ ...scope, ...apiBy(caller), input, ifVersion });
    const after = await findVendorRow(scope);
    return json(toVendor(after), { etag: etagOf(after.updatedAt) });
  },
});

export const archiveVendorOp = defineOperation({
  id: "archiveVendor",
  method: "POST",
  path: "/vendors/{vendorId}/archive",
  summary: "Archive a vendor (it leaves the lists; its history stays)",
  tag,
  permission: "vendor:write",
  response: { status: 200, schema: ZVendorRead },
  run: async ({ caller, params }) => {
    const scope = { orgId: caller.orgId, vendorId: params.vendorId! };
    await setVendorArchived({ ...scope, ...apiBy(caller), archived: true });
    const v = await findVendorRow(scope);
    return json(toVendor(v), { etag: etagOf(v.updatedAt) });
  },
});

export const listContactsOp = defineOperation({
  id: "listVendorContacts",
  method: "GET",
  path: "/vendors/{vendorId}/contacts",
  summary: "List a vendor's contacts (the first is its primary contact)",
  tag,
  permission: "vendor:read",
  response: { status: 200, schema: z.object({ data: z.array(ZContactRead) }) },
  run: async ({ caller, params }) => {
    const rows = await listVendorContacts({ orgId: caller.orgId, vendorId: params.vendorId! });
    return json({ data: rows.map(toContact) });
  },
});

export const addContactOp = defineOperation({
  id: "addVendorContact",
  method: "POST",
  path: "/vendors/{vendorId}/contacts",
  summary: "Add a contact to a vendor",
  tag,
  permission: "vendor:write",
  body: ZContactWrite,
  response: { status: 201, schema: ZContactRead },
  run: async ({ caller, params, body }) => {
    const scope = { orgId: caller.orgId, vendorId: params.vendorId! };
    const c = await addVendorContact({ ...scope, ...apiBy(caller), input: body });
    const rows = await listVendorContacts(scope);
    return json(toContact(rows.find((r) => r.id === c.id)!), { status: 201 });
  },
});
