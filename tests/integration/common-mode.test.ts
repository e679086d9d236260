import { beforeAll, describe, expect, it } from "vitest";
import { getCommonModeVendors } from "@/lib/data/dashboard";
import { createRng, ensureSeedQuestionnaireVersion, seedPortfolio } from "@/prisma/seed";
import { createOrgWithUsers, setupFreshDatabase } from "./db";

// The dashboard's common-mode view. Guards against a cross-tenant leak: org B's seeded
// portfolio raises these codes too and must never be counted for org A.
const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "cm-a");
const b = await createOrgWithUsers(prisma, "cm-b");
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);

beforeAll(async () => {
  const qv = await ensureSeedQuestionnaireVersion({ prisma });
  const vendor = (name: string, status: "active" | "archived" = "active") =>
    prisma.vendor.create({ data: { orgId: a.org.id, name, tier: "high", status } });
  const judged = async (
    vendorId: string,
    submittedDaysAgo: number,
    rating: "critical" | "high" | "medium" | "low",
    codes: string[],
  ) =>
    prisma.assessment.create({
      data: {
        orgId: a.org.id,
        vendorId,
        questionnaireVersionId: qv.id,
        requirements: { tier: "high" },
        status: "accepted",
        submittedAt: day(-submittedDaysAgo),
        rating,
        score: 50,
        flags: {
          create: codes.map((code) => ({ code, severity: "high", title: "t", detail: "d" })),
        },
      },
    });
  const fixed = await vendor("Fixed Co");
  await judged(fixed.id, 200, "high", ["COMMON_MODE_CHANGE"]);
  await judged(fixed.id, 10, "low", ["PLAN_REVIEW_STALE"]);
  const both = await vendor("Both Co");
  await judged(both.id, 5, "high", ["FOURTH_PARTY_SINGLE_POINT", "RECOVERY_NEEDS_PRIMARY"]);
  const worst = await vendor("Worst Co");
  await judged(worst.id, 5, "critical", ["COMMON_MODE_CHANGE", "NO_BACKUPS"]);
  const gone = await vendor("Gone Co", "archived");
  await judged(gone.id, 5, "high", ["COMMON_MODE_CHANGE"]);
  const vendorsB = await prisma.vendor.createManyAndReturn({
    data: Array.from({ length: 30 }, (_, i) => ({
      orgId: b.org.id,
      name: `B ${i}`,
      tier: "critical" as const,
    })),
    select: { id: true, tier: true },
  });
  await seedPortfolio({
    prisma,
    orgId: b.org.id,
    vendors: vendorsB,
    ownerId: b.procurement.id,
    deciderId: b.manager.id,
    rng: createRng({ seed: 11 }),
  });
});

describe("common-mode vendors", () => {
  it("counts active vendors by their latest assessment only, worst rated first", async () => {
    const cm = await getCommonModeVendors({ orgId: a.org.id });
    expect(cm.total).toBe(2);
    expect(cm.byCode).toEqual([
      { code: "COMMON_MODE_CHANGE", vendors: 1 },
      { code: "FOURTH_PARTY_SINGLE_POINT", vendors: 1 },
      { code: "RECOVERY_NEEDS_PRIMARY", vendors: 1 },
    ]);
    expect(cm.vendors.map((v) => [v.name, v.rating, v.codes])).toEqual([
      ["Worst Co", "critical", ["COMMON_MODE_CHANGE"]],
      ["Both Co", "high", ["FOURTH_PARTY_SINGLE_POINT", "RECOVERY_NEEDS_PRIMARY"]],
    ]);
  });

  it("the seeded demo portfolio shows the view (org B), and a limit caps the list", async () => {
    const cm = await getCommonModeVendors({ orgId: b.org.id, limit: 3 });
    expect(cm.total).toBeGreaterThan(0);
    expect(cm.vendors.length).toBeLessThanOrEqual(3);
    expect(cm.vendors.every((v) => v.name.startsWith("B "))).toBe(true);
  });
});
