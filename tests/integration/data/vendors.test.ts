import { describe, expect, it } from "vitest";
import { createVendor, listVendors } from "@/lib/data/vendors";
import { createOrgWithUsers, setupFreshDatabase } from "../db";

const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "alpha");
const b = await createOrgWithUsers(prisma, "beta");

describe("organisation scoping", () => {
  it("lists only the caller's organisation's vendors", async () => {
    await createVendor({
      orgId: a.org.id,
      actorId: a.procurement.id,
      input: {
        name: "A-only",
        tier: "high",
        services: [],
        website: undefined,
        notes: undefined,
        ownerId: undefined,
      },
    });
    await createVendor({
      orgId: b.org.id,
      actorId: b.procurement.id,
      input: {
        name: "B-only",
        tier: "low",
        services: [],
        website: undefined,
        notes: undefined,
        ownerId: undefined,
      },
    });
    expect((await listVendors({ orgId: a.org.id })).map((v) => v.name)).toEqual(["A-only"]);
    expect((await listVendors({ orgId: b.org.id })).map((v) => v.name)).toEqual(["B-only"]);
  });
});
