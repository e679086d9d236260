import { beforeAll, describe, expect, it } from "vitest";
import {
  getConcentration,
  getDecayClocks,
  getDueAssessments,
  getRatingHeatmap,
  getRatingTrend,
  getSitePoints,
  getTopFlagCodes,
  heatCellFilters,
  listPortfolioVendors,
  parseVendorFilters,
  vendorFiltersToParams,
} from "@/lib/data/dashboard";
import { createRng, ensureSeedQuestionnaireVersion, seedPortfolio } from "@/prisma/seed";
import { createOrgWithUsers, setupFreshDatabase } from "./db";

// Guards against a cross-tenant leak: every aggregate must count only the caller's organisation,
// so org B gets a large, noisy portfolio that would show in any unscoped count.
const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "dash-a");
const b = await createOrgWithUsers(prisma, "dash-b");
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
const site = (
  id: string,
  role: string,
  provider: string,
  city: string,
  country: string,
  lat: number,
  lon: number,
  region?: string,
) => ({ id, name: id, role, provider, city, country, lat, lon, ...(region ? { region } : {}) });

beforeAll(async () => {
  const qv = await ensureSeedQuestionnaireVersion({ prisma });
  const mk = (name: string, tier: "critical" | "high" | "moderate" | "low") =>
    prisma.vendor.create({ data: { orgId: a.org.id, name, tier, ownerId: a.procurement.id } });
  const [crit, high, low] = [
    await mk("Alpha Core", "critical"),
    await mk("Beta Pay", "high"),
    await mk("Gamma Menus", "low"),
  ];
  const base = { orgId: a.org.id, questionnaireVersionId: qv.id };
  // Alpha: an old critical rating superseded by a recent low one.
  await prisma.assessment.create({
    data: {
      ...base,
      vendorId: crit.id,
      requirements: { tier: "critical" },
      status: "accepted",
      submittedAt: day(-300),
      score: 10,
      rating: "critical",
      flags: { create: [{ code: "SINGLE_SITE", severity: "critical", title: "t", detail: "d" }] },
    },
  });
  await prisma.assessment.create({
    data: {
      ...base,
      vendorId: crit.id,
      requirements: { tier: "critical" },
      status: "accepted",
      submittedAt: day(-10),
      score: 90,
      rating: "low",
      flags: {
        create: [{ code: "PROVIDER_CONCENTRATION", severity: "medium", title: "t", detail: "d" }],
      },
      answers: {
        create: [
          {
            questionId: "sites",
            updatedByKind: "vendor",
            value: [
              site(
                "p",
                "primary",
                "Amazon Web Services",
                "Frankfurt",
                "DE",
                50.11,
                8.68,
                "eu-central-1",
              ),
              site(
                "s",
                "secondary",
                "Amazon Web Services",
                "Dublin",
                "IE",
                53.35,
                -6.26,
                "eu-west-1",
              ),
            ],
          },
          // 12-month test age: stale in ~40 days.
          {
            questionId: "dr_test_last_date",
            updatedByKind: "vendor",
            value: day(-325).toISOString().slice(0, 10),
          },
          {
            questionId: "plan_last_reviewed_date",
            updatedByKind: "vendor",
            value: day(-400).toISOString().slice(0, 10),
          },
        ],
      },
    },
  });
  await prisma.assessment.create({
    data: {
      ...base,
      vendorId: high.id,
      requirements: { tier: "high" },
      status: "submitted",
      submittedAt: day(-5),
      score: 40,
      rating: "high",
      flags: {
        create: [
          { code: "PROVIDER_CONCENTRATION", severity: "medium", title: "t", detail: "d" },
          { code: "DR_TEST_STALE", severity: "high", title: "t", detail: "d" },
        ],
      },
      answers: {
        create: [
          {
            questionId: "sites",
            updatedByKind: "vendor",
            value: [
              site(
                "p",
                "primary",
                "Amazon Web Services",
                "Frankfurt",
                "DE",
                50.1,
                8.7,
                "eu-central-1",
              ),
            ],
          },
        ],
      },
    },
  });
  await prisma.assessment.create({
    data: {
      ...base,
      vendorId: high.id,
      requirements: { tier: "high" },
      status: "sent",
      dueDate: day(-3),
    },
  });
  await prisma.assessment.create({
    data: {
      ...base,
      vendorId: low.id,
      requirements: { tier: "low" },
      status: "in_progress",
      dueDate: day(5),
    },
  });
  const vendorsB = await prisma.vendor.createManyAndReturn({
    data: Array.from({ length: 40 }, (_, i) => ({
      orgId: b.org.id,
      name: `B vendor ${i}`,
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
    rng: createRng({ seed: 7 }),
  });
});

describe("dashboard aggregates", () => {
  const orgId = () => a.org.id;

  it("heat map counts each vendor once, by its latest rating", async () => {
    const cells = await getRatingHeatmap({ orgId: orgId() });
    expect(cells).toEqual(
      expect.arrayContaining([
        { tier: "critical", rating: "low", vendors: 1 },
        { tier: "high", rating: "high", vendors: 1 },
        { tier: "low", rating: null, vendors: 1 },
      ]),
    );
    expect(cells.reduce((n, c) => n + c.vendors, 0)).toBe(3);
  });

  it("flag codes count vendors on their latest assessment only", async () => {
    const flags = await getTopFlagCodes({ orgId: orgId() });
    expect(flags.map((f) => [f.code, f.vendors])).toEqual([
      ["PROVIDER_CONCENTRATION", 2],
      ["DR_TEST_STALE", 1],
    ]);
  });

  it("due and overdue assessments", async () => {
    const due = await getDueAssessments({ orgId: orgId() });
    expect([due.overdue, due.dueSoon]).toEqual([1, 1]);
    expect(due.next.map((r) => r.vendorName)).toEqual(["Beta Pay", "Gamma Menus"]);
  });

  it("decay clocks use the tier's test age and 12 months for plan reviews", async () => {
    const { counts, next } = await getDecayClocks({ orgId: orgId() });
    expect(counts).toEqual(
      expect.arrayContaining([
        { kind: "dr_test_last_date", stale: 0, within30: 0, within90: 1 },
        { kind: "plan_last_reviewed_date", stale: 1, within30: 0, within90: 0 },
      ]),
    );
    expect(next.map((r) => [r.kind, r.vendorName])).toEqual([["dr_test_last_date", "Alpha Core"]]);
  });

  it("concentration weights vendors by tier", async () => {
    const c = await getConcentration({ orgId: orgId() });
    expect(c.provider).toEqual([
      { dim: "provider", key: "Amazon Web Services", vendors: 2, weight: 7 },
    ]);
    expect(c.country[0]).toEqual({ dim: "country", key: "DE", vendors: 2, weight: 7 });
    expect(c.region.map((r) => r.key)).toEqual(["eu-central-1", "eu-west-1"]);
    // Pooled by city: the two Frankfurt sites, a few hundred metres apart, are one place.
    const points = await getSitePoints({ orgId: orgId() });
    expect(points.map((p) => [p.label, p.vendors])).toEqual([
      ["Frankfurt (DE)", 2],
      ["Dublin (IE)", 1],
    ]);
  });

  it("trend counts this organisation's submissions only", async () => {
    const trend = await getRatingTrend({ orgId: orgId() });
    expect(trend.reduce((n, r) => n + r.assessments, 0)).toBe(3);
  });

  it("vendor table filters, sorts and paginates in the database", async () => {
    const all = await listPortfolioVendors({
      orgId: orgId(),
      filters: parseVendorFilters({ params: {} }),
    });
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.name)).toEqual(["Beta Pay", "Alpha Core", "Gamma Menus"]);
    const flagged = await listPortfolioVendors({
      orgId: orgId(),
      filters: parseVendorFilters({ params: { flag: "DR_TEST_STALE" } }),
    });
    expect(flagged.rows.map((r) => r.name)).toEqual(["Beta Pay"]);
    const none = await listPortfolioVendors({
      orgId: orgId(),
      filters: parseVendorFilters({ params: { status: "none", tier: "critical" } }),
    });
    expect(none.total).toBe(0);
    const other = await listPortfolioVendors({
      orgId: b.org.id,
      filters: parseVendorFilters({ params: { page: "2" } }),
    });
    expect([other.total, other.rows.length]).toEqual([40, 20]);
  });

  // The walkthrough: "3 critical-tier vendors rated critical" opened ?tier=critical (9 vendors).
  it("each heat-map cell's link lists exactly that cell's vendors (tier and rating)", async () => {
    for (const org of [a.org.id, b.org.id]) {
      const cells = await getRatingHeatmap({ orgId: org });
      expect(cells.length).toBeGreaterThan(1);
      for (const cell of cells) {
        // Through the URL, as the link is followed: the cell's href → the page's filters.
        const params = Object.fromEntries(
          vendorFiltersToParams({ filters: heatCellFilters(cell) }),
        );
        const filters = { ...parseVendorFilters({ params }), page: 1 };
        const page = await listPortfolioVendors({ orgId: org, filters, limit: 1000 });
        expect([cell.tier, cell.rating, page.total]).toEqual([
          cell.tier,
          cell.rating,
          cell.vendors,
        ]);
        for (const row of page.rows)
          expect([row.tier, row.rating]).toEqual([cell.tier, cell.rating]);
      }
    }
  });
});
