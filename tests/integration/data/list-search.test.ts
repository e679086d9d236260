import { describe, expect, it } from "vitest";
import { searchAssessments, searchVendors } from "@/lib/data/list-search";
import {
  LIST_PAGE_SIZE,
  parseListSearch,
  ZAssessmentSearch,
  ZVendorSearch,
} from "@/lib/schemas/list-search";
import { createOrgWithUsers, sendTestAssessment, setupFreshDatabase } from "../db";

// The vendor and assessment lists' search (issue 17): another organisation's records never
// appear, whatever the filters; filters combine; pages are cut in the database.

const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "alpha");
const b = await createOrgWithUsers(prisma, "beta");

const vendorSearch = (params: Record<string, string | undefined>) =>
  parseListSearch({ schema: ZVendorSearch, params }).search;
const assessmentSearch = (params: Record<string, string | undefined>) =>
  parseListSearch({ schema: ZAssessmentSearch, params }).search;

// Alpha: 25 "Acme" vendors (tiers alternate, every third owned by the manager), one archived
// "Acme Old", one "Zenith"; beta: an "Acme Beta" of every tier, owned by beta's manager.
await prisma.vendor.createMany({
  data: [
    ...Array.from({ length: 25 }, (_, i) => ({
      orgId: a.org.id,
      name: `Acme ${String(i + 1).padStart(2, "0")}`,
      tier: i % 2 === 0 ? ("critical" as const) : ("low" as const),
      ownerId: i % 3 === 0 ? a.manager.id : null,
    })),
    { orgId: a.org.id, name: "Acme Old", tier: "critical", status: "archived" },
    { orgId: a.org.id, name: "Zenith", tier: "high" },
    ...(["critical", "high", "moderate", "low"] as const).map((tier) => ({
      orgId: b.org.id,
      name: `Acme Beta ${tier}`,
      tier,
      ownerId: b.manager.id,
    })),
  ],
});

describe("searchVendors", () => {
  it("never returns another organisation's vendors, whatever the search", async () => {
    for (const params of [
      {},
      { q: "beta" },
      { q: "acme", tier: "high" },
      { owner: b.manager.id },
    ]) {
      const { rows, total } = await searchVendors({
        orgId: a.org.id,
        search: vendorSearch(params),
      });
      const theirs = await prisma.vendor.count({
        where: { id: { in: rows.map((r) => r.id) }, orgId: { not: a.org.id } },
      });
      expect(theirs).toBe(0);
      expect(rows.length).toBe(Math.min(total, LIST_PAGE_SIZE));
    }
    const owned = await searchVendors({
      orgId: a.org.id,
      search: vendorSearch({ owner: b.manager.id }),
    });
    expect(owned.total).toBe(0);
  });

  it("pages in the database with a total count", async () => {
    const first = await searchVendors({
      orgId: a.org.id,
      search: vendorSearch({ q: "acme" }),
      pageSize: 20,
    });
    expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(20);
    const second = await searchVendors({
      orgId: a.org.id,
      search: vendorSearch({ q: "acme", page: "2" }),
      pageSize: 20,
    });
    expect(second.rows.map((r) => r.name)).toEqual([
      "Acme 21",
      "Acme 22",
      "Acme 23",
      "Acme 24",
      "Acme 25",
    ]);
    const small = await searchVendors({
      orgId: a.org.id,
      search: vendorSearch({ q: "acme" }),
      pageSize: 7,
    });
    expect(small).toMatchObject({ total: 25, pageCount: 4 });
    expect(small.rows).toHaveLength(7);
  });

  it("combines name, tier, owner and status", async () => {
    const { rows } = await searchVendors({
      orgId: a.org.id,
      search: vendorSearch({ q: "ACME", tier: "critical", owner: a.manager.id }),
    });
    // Critical: even indexes; owned: multiples of 3 → 0, 6, 12, 18, 24.
    expect(rows.map((r) => r.name)).toEqual([
      "Acme 01",
      "Acme 07",
      "Acme 13",
      "Acme 19",
      "Acme 25",
    ]);
    const archived = await searchVendors({
      orgId: a.org.id,
      search: vendorSearch({ status: "archived" }),
    });
    expect(archived.rows.map((r) => r.name)).toEqual(["Acme Old"]);
  });

  it("names the field of a bad value and ignores it", () => {
    const { search, errors } = parseListSearch({
      schema: ZVendorSearch,
      params: { tier: "gold", q: "acme", page: "0" },
    });
    expect(errors.join(" ")).toMatch(/tier must be one of/);
    expect(errors.join(" ")).toMatch(/page must be a whole number/);
    expect(search).toMatchObject({ q: "acme", page: 1, status: "active" });
    expect(search.tier).toBeUndefined();
  });
});

const mine = await Promise.all(
  ["Nordlicht", "Nordwind", "Sudstern"].map((vendorName, i) =>
    sendTestAssessment(prisma, a, {
      vendorName,
      email: `v${i}@vendor.test`,
      tier: i === 2 ? "low" : "critical",
    }),
  ),
);
await sendTestAssessment(prisma, b, { vendorName: "Nordlicht", email: "x@vendor.test" });
await prisma.assessment.update({
  where: { id: mine[1]!.assessment.id },
  data: { status: "submitted" },
});

describe("searchAssessments", () => {
  it("never returns another organisation's assessments", async () => {
    const { rows, total } = await searchAssessments({
      orgId: a.org.id,
      search: assessmentSearch({ q: "nordlicht" }),
    });
    expect(total).toBe(1);
    expect(rows[0]?.id).toBe(mine[0]!.assessment.id);
  });

  it("combines the vendor's name and tier with the assessment's status, and pages", async () => {
    const nord = await searchAssessments({
      orgId: a.org.id,
      search: assessmentSearch({ q: "nord", status: "submitted" }),
    });
    expect(nord.rows.map((r) => r.vendor.name)).toEqual(["Nordwind"]);
    const low = await searchAssessments({
      orgId: a.org.id,
      search: assessmentSearch({ tier: "low" }),
    });
    expect(low.rows.map((r) => r.vendor.name)).toEqual(["Sudstern"]);
    const paged = await searchAssessments({
      orgId: a.org.id,
      search: assessmentSearch({ page: "2" }),
      pageSize: 2,
    });
    expect(paged).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(paged.rows).toHaveLength(1);
  });
});
