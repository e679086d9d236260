import { distanceKm, type TAnswers, type TSite } from "../lib/rules";
import { DEMO_CITIES, DEMO_PROVIDERS, type TDemoCity } from "./demo-data";

// Plausible vendor answers for the demo portfolio and the dashboard benchmark.
export type TRng = () => number;

/** mulberry32: the same seed gives the same portfolio on every first start. */
export function createRng({ seed }: { seed: number }): TRng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: TRng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)]!;
export const between = (rng: TRng, lo: number, hi: number) => Math.round(lo + rng() * (hi - lo));
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const daysBefore = (d: Date, days: number) => new Date(d.getTime() - days * 86_400_000);

function pickProvider(rng: TRng) {
  const total = DEMO_PROVIDERS.reduce((n, p) => n + p.weight, 0);
  let r = rng() * total;
  for (const p of DEMO_PROVIDERS) {
    r -= p.weight;
    if (r < 0) return p;
  }
  return DEMO_PROVIDERS[0];
}

function makeSite(id: string, role: TSite["role"], providerKey: string, c: TDemoCity, j = 0) {
  const provider = DEMO_PROVIDERS.find((p) => p.key === providerKey)!;
  const region =
    c.regions[providerKey as "aws"] ??
    (providerKey === "equinix" ? `${c.city} IBX` : providerKey === "own" ? undefined : c.city);
  return {
    id,
    name: `${c.city} ${role}`,
    role,
    provider: provider.name,
    city: c.city,
    country: c.country,
    lat: c.lat + j,
    lon: c.lon + j,
    ...(region ? { region } : {}),
    ...(j ? { facility: `${c.city} campus B` } : {}),
  } satisfies TSite;
}

/** Plausible answers of a vendor whose practice is as good as `quality` (0 poor … 1 strong). */
export function buildDemoAnswers({
  rng,
  quality,
  asOf,
}: {
  rng: TRng;
  quality: number;
  asOf: Date;
}): TAnswers {
  const provider = pickProvider(rng);
  // A European bank: three vendors in four keep the buyer's data in Europe.
  const european = rng() < 0.75;
  const cloud = provider.key === "aws" || provider.key === "azure" || provider.key === "gcp";
  const home = DEMO_CITIES.filter(
    (c) =>
      (c.lon > -20 && c.lon < 30 && c.lat > 35) === european &&
      (!cloud || c.regions[provider.key as "aws"] !== undefined),
  );
  const cities = home.length > 1 ? home : DEMO_CITIES;
  const primary = makeSite("p1", "primary", provider.key, pick(rng, cities));
  const single = quality < 0.06;
  const close = quality < 0.35;
  const farCity = pick(
    rng,
    cities.filter((c) => c.city !== primary.city),
  );
  const secondary = close
    ? makeSite(
        "s1",
        "secondary",
        provider.key,
        DEMO_CITIES.find((c) => c.city === primary.city)!,
        0.05,
      )
    : makeSite("s1", "secondary", provider.key, farCity);
  const other = DEMO_PROVIDERS.filter((p) => p.key !== provider.key);
  const backupProvider = quality > 0.75 ? pick(rng, other).key : provider.key;
  const elsewhere = cities.filter((c) => c.city !== primary.city && c.city !== secondary.city);
  const backup = makeSite(
    "b1",
    "backup",
    backupProvider,
    pick(rng, elsewhere.length ? elsewhere : DEMO_CITIES),
  );
  const sites = single ? [primary] : [primary, secondary, backup];
  const age = (goodMonths: number, badMonths: number) =>
    isoDay(daysBefore(asOf, between(rng, 20, quality > 0.5 ? goodMonths * 30 : badMonths * 30)));
  const hasBackups = quality > 0.04;
  const hasPlan = quality > 0.08;
  const km = single ? 0 : Math.round(distanceKm({ from: primary, to: secondary }));
  const a: Record<string, unknown> = {
    sites,
    subprocessors: [{ name: "Vault Co", service: "backup storage", country: backup.country }],
    topology: single
      ? "single_site"
      : pick(rng, quality > 0.7 ? ["active_active", "multi_region"] : ["active_passive"]),
    shared_control_plane: quality > 0.45 ? "no" : "yes",
    backup_exists: hasBackups ? "yes" : "no",
    rpo_minutes: quality > 0.6 ? between(rng, 5, 15) : between(rng, 300, 1440),
    rto_minutes: quality > 0.6 ? between(rng, 30, 240) : between(rng, 240, 2880),
    customer_notification_hours: between(rng, 1, 24),
    plan_exists: hasPlan ? "yes" : "no",
    certifications:
      quality > 0.5 ? ["iso22301", "iso27001"] : quality > 0.3 ? ["iso27001"] : ["none"],
    customer_export: quality > 0.25 ? pick(rng, ["self_service", "on_request"]) : "none",
    status_page: rng() < quality + 0.2 ? "yes" : "no",
    customer_local_copy: rng() < 0.3 ? "yes" : "no",
  };
  if (!single) {
    a.declared_min_separation_km = quality < 0.25 ? km * 10 + 50 : km;
    a.shared_hazards = close ? ["power_grid"] : ["none"];
    a.failover_mode = quality > 0.5 ? "automatic" : "manual";
    a.secondary_capacity_pct = quality > 0.65 ? 100 : between(rng, 50, 80);
  }
  if (hasBackups) {
    Object.assign(a, {
      backup_frequency_hours: quality > 0.6 ? 1 : 4,
      backup_retention_days: between(rng, 30, 365),
      backup_site_ids: single ? ["p1"] : ["b1"],
      backup_shared_dependencies:
        quality > 0.2 ? ["none"] : [pick(rng, ["cloud_account", "credentials", "storage_system"])],
      backup_immutable: quality > 0.4 ? "yes" : "no",
      backup_offline_copy: quality > 0.6 ? "yes" : "no",
      backup_encrypted: "yes",
      replication_mode: quality > 0.6 ? "asynchronous" : "snapshot",
      point_in_time_recovery: quality > 0.4 ? "yes" : "no",
      restore_test_last_date: age(11, 20),
      restore_test_scope:
        quality > 0.55 ? ["database", "full_environment", "single_customer"] : ["file_level"],
    });
  }
  if (hasPlan) {
    const type = quality > 0.7 ? "full_failover" : quality > 0.6 ? "partial_failover" : "tabletop";
    Object.assign(a, {
      plan_last_reviewed_date: age(11, 18),
      dr_test_last_date: age(11, 22),
      dr_test_type: type,
      dr_test_met_objectives: quality > 0.4 ? "yes" : "no",
      plan_covers:
        quality > 0.75
          ? [
              "site_loss",
              "region_loss",
              "ransomware",
              "provider_failure",
              "data_corruption",
              "staff_loss",
            ]
          : quality > 0.5
            ? ["site_loss", "region_loss", "ransomware", "provider_failure", "data_corruption"]
            : ["site_loss"],
    });
  }
  if (a.customer_export !== "none") a.export_formats = ["csv", "api"];
  return a as TAnswers;
}

/**
 * Answers to the questions bcdr-core 1.1 added, as good as `quality`. They draw from their
 * own generator (seeded by the quality), so adding them leaves the rest of the demo as it was.
 */
export function buildDemoAnswers11({
  quality,
  answers,
}: {
  quality: number;
  answers: TAnswers;
}): TAnswers {
  const rng = createRng({ seed: Math.floor(quality * 2 ** 31) });
  const a: Record<string, unknown> = {
    unstaged_changes:
      quality > 0.7
        ? ["none"]
        : quality > 0.45
          ? ["configuration"]
          : pick(rng, [["security_agent"], ["application_release", "configuration"], ["unknown"]]),
    single_source_suppliers:
      quality > 0.6 ? ["none"] : pick(rng, [["dns"], ["network_carrier"], ["cdn"], ["none"]]),
    recovery_dependencies:
      quality > 0.65
        ? ["none"]
        : quality > 0.4
          ? ["status_page"]
          : pick(rng, [["runbooks"], ["access_tooling", "dns"], ["control_plane"], ["unknown"]]),
    recovery_identity_independent: quality > 0.5 ? "yes" : rng() < 0.6 ? "no" : "unknown",
    power_autonomy_hours: quality > 0.5 ? between(rng, 48, 96) : between(rng, 8, 36),
    failover_qualified_staff_count: quality > 0.5 ? between(rng, 3, 6) : between(rng, 1, 2),
  };
  if (answers.backup_immutable === "yes" || answers.backup_offline_copy === "yes") {
    a.immutable_retention_days = quality > 0.6 ? between(rng, 30, 90) : between(rng, 7, 21);
  }
  const scope = answers.restore_test_scope;
  if (Array.isArray(scope) && scope.includes("full_environment")) {
    a.full_restore_test_minutes = quality > 0.7 ? between(rng, 60, 200) : between(rng, 200, 900);
  }
  if (answers.dr_test_type === "partial_failover" || answers.dr_test_type === "full_failover") {
    a.dr_test_recovery_minutes = quality > 0.75 ? between(rng, 20, 120) : between(rng, 120, 600);
  }
  return { ...answers, ...a } as TAnswers;
}
