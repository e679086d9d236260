import { recordAudit, userActor } from "../audit";
import { db, type Prisma } from "../db";
import { NotFoundError, PreconditionError } from "../errors";
import type { TVendor } from "../schemas/vendor";

export const vendorListSelect = {
  id: true,
  name: true,
  tier: true,
  status: true,
  services: true,
  updatedAt: true,
  owner: { select: { id: true, name: true } },
} satisfies Prisma.VendorSelect;

export type TListVendors = {
  orgId: string;
  includeArchived?: boolean;
  take?: number;
  skip?: number;
};

export function listVendors({ orgId, includeArchived = false, take = 50, skip = 0 }: TListVendors) {
  return db.vendor.findMany({
    where: { orgId, ...(includeArchived ? {} : { status: "active" }) },
    select: vendorListSelect,
    orderBy: { name: "asc" },
    take,
    skip,
  });
}

/** A vendor's contacts in order: the first added is its primary contact (bulk send mails it). */
export const contactOrder = [
  { createdAt: "asc" },
  { id: "asc" },
] as const satisfies Prisma.VendorContactOrderByWithRelationInput[];

export async function getVendor({ orgId, vendorId }: { orgId: string; vendorId: string }) {
  const vendor = await db.vendor.findFirst({
    where: { id: vendorId, orgId },
    include: {
      owner: { select: { id: true, name: true } },
      contacts: { orderBy: [...contactOrder] },
    },
  });
  if (!vendor) throw new NotFoundError("Vendor not found");
  return vendor;
}

async function checkOwner(orgId: string, ownerId: string | undefined) {
  if (!ownerId) return;
  const owner = await db.user.findFirst({ where: { id: ownerId, orgId }, select: { id: true } });
  if (!owner) throw new NotFoundError("Internal owner not found");
}

/** The columns a vendor form sets (create and edit alike). */
const vendorColumns = (input: TVendor) => ({
  name: input.name,
  services: input.services,
  tier: input.tier,
  ownerId: input.ownerId ?? null,
  website: input.website ?? null,
  notes: input.notes ?? null,
});

export async function createVendor({
  orgId,
  actorId,
  actorLabel,
  input,
}: {
  orgId: string;
  actorId: string;
  /** Through what the user acted, for the audit log (an API token's name). */
  actorLabel?: string;
  input: TVendor;
}) {
  await checkOwner(orgId, input.ownerId);
  return db.$transaction((tx) => insertVendor({ tx, orgId, actorId, actorLabel, input }));
}

/** Creates a vendor (its owner already checked to be of `orgId`), audited in the same `tx`. */
export async function insertVendor({
  tx,
  orgId,
  actorId,
  actorLabel,
  input,
}: {
  tx: Prisma.TransactionClient;
  orgId: string;
  actorId: string;
  actorLabel?: string;
  input: TVendor;
}) {
  const vendor = await tx.vendor.create({ data: { orgId, ...vendorColumns(input) } });
  await recordAudit({
    tx,
    orgId,
    actor: userActor(actorId, actorLabel),
    action: "vendor.created",
    targetType: "vendor",
    targetId: vendor.id,
    data: { name: vendor.name, tier: vendor.tier },
  });
  return vendor;
}

export async function updateVendor({
  orgId,
  actorId,
  actorLabel,
  vendorId,
  input,
  ifVersion,
}: {
  orgId: string;
  actorId: string;
  actorLabel?: string;
  vendorId: string;
  input: TVendor;
  /** Write only over this version (its updatedAt), else PreconditionError: an API If-Match. */
  ifVersion?: Date;
}) {
  const before = await getVendor({ orgId, vendorId });
  await checkOwner(orgId, input.ownerId);
  await db.$transaction(async (tx) => {
    const written = await tx.vendor.updateMany({
      where: { id: before.id, orgId, ...(ifVersion ? { updatedAt: ifVersion } : {}) },
      data: vendorColumns(input),
    });
    if (written.count !== 1) throw new PreconditionError();
    await recordAudit({
      tx,
      orgId,
      actor: userActor(actorId, actorLabel),
      action: "vendor.updated",
      targetType: "vendor",
      targetId: before.id,
      data: {
        from: { name: before.name, tier: before.tier, services: before.services },
        to: { name: input.name, tier: input.tier, services: input.services },
      },
    });
  });
}

export async function setVendorArchived({
  orgId,
  actorId,
  actorLabel,
  vendorId,
  archived,
}: {
  orgId: string;
  actorId: string;
  actorLabel?: string;
  vendorId: string;
  archived: boolean;
}) {
  const v = await getVendor({ orgId, vendorId });
  await db.$transaction(async (tx) => {
    await tx.vendor.update({
      where: { id: v.id },
      data: { status: archived ? "archived" : "active", archivedAt: archived ? new Date() : null },
    });
    await recordAudit({
      tx,
      orgId,
      actor: userActor(actorId, actorLabel),
      action: archived ? "vendor.archived" : "vendor.restored",
      targetType: "vendor",
      targetId: v.id,
    });
  });
}

export type TVendorContactInput = { name: string; email: string; title?: string };

/** Adds a contact to a vendor already checked to be the caller's, audited in the same `tx`. */
export async function saveVendorContact({
  tx,
  orgId,
  actorId,
  actorLabel,
  vendorId,
  input,
}: {
  tx: Prisma.TransactionClient;
  orgId: string;
  actorId: string;
  actorLabel?: string;
  vendorId: string;
  input: TVendorContactInput;
}) {
  const c = await tx.vendorContact.create({
    data: { orgId, vendorId, name: input.name, email: input.email, title: input.title ?? null },
  });
  await recordAudit({
    tx,
    orgId,
    actor: userActor(actorId, actorLabel),
    action: "vendor.contact_added",
    targetType: "vendor",
    targetId: vendorId,
    data: { email: c.email },
  });
  return c;
}

export async function addVendorContact({
  orgId,
  actorId,
  actorLabel,
  vendorId,
  input,
}: {
  orgId: string;
  actorId: string;
  actorLabel?: string;
  vendorId: string;
  input: TVendorContactInput;
}) {
  const v = await getVendor({ orgId, vendorId });
  return db.$transaction((tx) =>
    saveVendorContact({ tx, orgId, actorId, actorLabel, vendorId: v.id, input }),
  );
}
