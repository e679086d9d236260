import { describe, expect, it } from "vitest";
import type { TFlag } from "@/lib/rules";
import {
  computeScore,
  getRating,
  resolveRequirements,
  TIER_DEFAULTS,
  ZOrgPolicy,
} from "@/lib/scoring";
import { flagOf, north, run, site } from "@/tests/unit/engine/helpers";

const flags = (...severities: TFlag["severity"][]) => severities.map((severity) => ({ severity }));

describe("score and rating", () => {
  it("rating is the highest severity, low when none or only low/info", () => {
    expect(getRating({ flags: [] })).toBe("low");
    expect(getRating({ flags: flags("info", "low") })).toBe("low");
    expect(getRating({ flags: flags("low", "medium") })).toBe("medium");
    expect(getRating({ flags: flags("high", "critical", "low") })).toBe("critical");
  });
  it("scores 100 only without findings, within the rating's band, with diminishing returns", () => {
    expect(computeScore({ flags: [] })).toBe(100);
    expect(computeScore({ flags: flags("info", "info") })).toBe(100);
    expect(computeScore({ flags: flags("low") })).toBe(99);
    expect(computeScore({ flags: flags("medium") })).toBe(88);
    expect(computeScore({ flags: flags("high") })).toBe(65);
    expect(computeScore({ flags: flags("critical") })).toBe(28);
    const tenLows = computeScore({ flags: flags(...Array<"low">(10).fill("low")) });
    expect(tenLows).toBeGreaterThanOrEqual(90);
    expect(computeScore({ flags: flags("medium", "medium") })).toBeGreaterThan(
      computeScore({ flags: flags("high") }),
    );
    const oneMore = (n: number) =>
      computeScore({ flags: flags(...Array<"medium">(n).fill("medium")) });
    expect(oneMore(1) - oneMore(2)).toBeGreaterThanOrEqual(oneMore(5) - oneMore(6));
  });
  it("the clean vendor scores 100", () => {
    expect(run()).toMatchObject({ score: 100, rating: "low", flags: [] });
  });
  it("orders flags by severity, then contract order", () => {
    const result = run({
      set: {
        customer_export: "none",
        backup_exists: "no",
        plan_exists: "no",
        shared_control_plane: "yes",
      },
    });
    expect(result.flags.map((f) => f.code)).toEqual([
      "NO_BACKUPS",
      "NO_BCDR_PLAN",
      "SHARED_CONTROL_PLANE",
      "NO_CUSTOMER_EXPORT",
    ]);
  });
});

describe("requirements", () => {
  it("tier defaults, then policy, then the assessment's own fields", () => {
    expect(resolveRequirements({ requirements: { tier: "critical" } })).toMatchObject({
      ...TIER_DEFAULTS.critical,
      allowed_countries: [],
    });
    const policy = ZOrgPolicy.parse({
      tiers: { critical: { min_separation_km: 30, rto_minutes: 120, reason: "metro DR accepted" } },
    });
    const resolved = resolveRequirements({
      requirements: { tier: "critical", rto_minutes: 60 },
      policy,
    });
    expect(resolved).toMatchObject({ min_separation_km: 30, rto_minutes: 60, rpo_minutes: 15 });
    expect(resolved.sources).toMatchObject({
      min_separation_km: "policy",
      rto_minutes: "requirement",
      rpo_minutes: "tier_default",
    });
  });

  it("allowed countries: the assessment's own list, else the policy's for the tier", () => {
    const policy = ZOrgPolicy.parse({
      tiers: { critical: { allowed_countries: ["DE", "IE"], reason: "EU data only" } },
    });
    expect(
      resolveRequirements({ requirements: { tier: "critical" }, policy }).allowed_countries,
    ).toEqual(["DE", "IE"]);
    expect(
      resolveRequirements({
        requirements: { tier: "critical", allowed_countries: ["FR"] },
        policy,
      }).allowed_countries,
    ).toEqual(["FR"]);
    // Another tier is not tuned: any country.
    expect(
      resolveRequirements({ requirements: { tier: "low" }, policy }).allowed_countries,
    ).toEqual([]);
  });
});

describe("organisation policy", () => {
  const sites = [site("p", "primary", 48, 7), site("s", "secondary", north(48, 60), 7)];
  it("needs a reason for every tuning and downgrade", () => {
    expect(ZOrgPolicy.safeParse({ tiers: { high: { min_separation_km: 10 } } }).success).toBe(
      false,
    );
    expect(
      ZOrgPolicy.safeParse({ downgrades: [{ code: "NO_BACKUPS", severity: "low", reason: " " }] })
        .success,
    ).toBe(false);
    expect(
      ZOrgPolicy.safeParse({ downgrades: [{ code: "NOT_A_CODE", severity: "low", reason: "x" }] })
        .success,
    ).toBe(false);
    const twice = { code: "NO_BACKUPS", severity: "low", reason: "x" };
    expect(ZOrgPolicy.safeParse({ downgrades: [twice, twice] }).success).toBe(false);
  });

  it("a tuned threshold keeps the avoided flag visible as info with the reason", () => {
    const policy = ZOrgPolicy.parse({
      tiers: {
        critical: { min_separation_km: 50, reason: "metro-area DR is accepted for payroll" },
      },
    });
    const result = run({
      set: { sites, declared_min_separation_km: 60 },
      requirements: { min_separation_km: undefined },
      policy,
    });
    const flag = flagOf(result, "SITE_SEPARATION_INSUFFICIENT");
    expect(flag?.severity).toBe("info");
    expect(flag?.detail).toContain("metro-area DR is accepted for payroll");
    expect(flag?.detail).toContain("minimum site separation 50 km instead of 100 km");
    expect(flag?.detail).toContain("would be high");
    expect(result.rating).toBe("low");
    expect(result.score).toBe(100);
  });

  it("the assessment's own requirement wins over the policy, so nothing is tuned away", () => {
    const policy = ZOrgPolicy.parse({
      tiers: { critical: { min_separation_km: 50, reason: "metro" } },
    });
    const result = run({ set: { sites }, requirements: { min_separation_km: 100 }, policy });
    expect(flagOf(result, "SITE_SEPARATION_INSUFFICIENT")?.severity).toBe("high");
  });

  it("a policy removing the RTO requirement shows the missing RTO as info", () => {
    const policy = ZOrgPolicy.parse({
      tiers: { critical: { rto_minutes: null, reason: "batch system" } },
    });
    const result = run({ omit: ["rto_minutes"], requirements: { rto_minutes: undefined }, policy });
    expect(flagOf(result, "RTO_EXCEEDS_REQUIREMENT")?.severity).toBe("info");
  });

  it("a downgrade lowers a code and says why; it never raises one", () => {
    const policy = ZOrgPolicy.parse({
      downgrades: [
        {
          code: "PROVIDER_CONCENTRATION",
          severity: "info",
          reason: "single-cloud strategy approved by the board",
        },
        { code: "NO_CUSTOMER_EXPORT", severity: "high", reason: "cap only" },
      ],
    });
    const provider = "Acme";
    const same = sites.map((s) => ({ ...s, provider }));
    const result = run({ set: { sites: same, customer_export: "none" }, policy });
    const concentration = flagOf(result, "PROVIDER_CONCENTRATION");
    expect(concentration?.severity).toBe("info");
    expect(concentration?.detail).toContain("Lowered from medium to info");
    expect(concentration?.detail).toContain("single-cloud strategy approved by the board");
    expect(flagOf(result, "NO_CUSTOMER_EXPORT")?.severity).toBe("medium");
  });

  it("tunes the 1.1 fields too: the avoided flag shows as info, naming both values", () => {
    const policy = ZOrgPolicy.parse({
      tiers: {
        critical: {
          min_power_autonomy_hours: 24,
          plan_must_cover: ["site_loss"],
          reason: "colocation with a 24 h fuel contract",
        },
      },
    });
    expect(
      resolveRequirements({ requirements: { tier: "critical" }, policy }).sources,
    ).toMatchObject({ min_power_autonomy_hours: "policy", plan_must_cover: "policy" });
    const answers = { power_autonomy_hours: 36, plan_covers: ["site_loss"] };
    const requirements = {
      min_power_autonomy_hours: undefined,
      plan_must_cover: undefined,
    };
    const without = run({ set: answers, requirements });
    expect(flagOf(without, "POWER_AUTONOMY_SHORT")?.severity).not.toBe("info");
    expect(flagOf(without, "PLAN_SCOPE_GAP")?.severity).not.toBe("info");
    const tuned = run({ set: answers, requirements, policy });
    const power = flagOf(tuned, "POWER_AUTONOMY_SHORT");
    expect(power?.severity).toBe("info");
    expect(power?.detail).toContain("minimum power autonomy 24 hours instead of 72 hours");
    expect(power?.detail).toContain("colocation with a 24 h fuel contract");
    expect(flagOf(tuned, "PLAN_SCOPE_GAP")?.severity).toBe("info");
    // The assessment's own field still wins over the policy.
    const own = run({
      set: answers,
      requirements: { ...requirements, min_power_autonomy_hours: 72 },
      policy,
    });
    expect(flagOf(own, "POWER_AUTONOMY_SHORT")?.severity).not.toBe("info");
  });

  it("without a policy nothing is info", () => {
    const result = run({ set: { sites, customer_export: "none" } });
    expect(result.flags.every((f) => f.severity !== "info")).toBe(true);
  });
});
