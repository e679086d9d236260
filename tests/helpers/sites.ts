import type { TSite } from "@/lib/rules/types";

/**
 * The sites the report tests answer with: primary and secondary in one Frankfurt block, 0.1 km
 * apart (the separation flag), a backup in another country, and a name beyond ASCII to print.
 */
export const REPORT_SITES: TSite[] = [
  {
    id: "s1",
    name: "Frankfurt Ost",
    role: "primary",
    provider: "Equinix",
    city: "Frankfurt",
    country: "DE",
    lat: 50.11,
    lon: 8.68,
  },
  {
    id: "s2",
    name: "Frankfurt Nord",
    role: "secondary",
    provider: "Equinix",
    city: "Frankfurt",
    country: "DE",
    lat: 50.1109,
    lon: 8.6813,
  },
  {
    id: "s3",
    name: "Zürich Süd",
    role: "backup",
    provider: "Green",
    city: "Zürich",
    country: "CH",
    lat: 47.37,
    lon: 8.54,
  },
];

export type TBuildManySitesInput = { count: number };

/**
 * `count` sites (200 is the most an answer may hold) in metro areas of ten, roles mixed as
 * vendors answer (primary, secondary ×2, backup, processing), from a fixed seed: several
 * primaries share a metro with secondaries and backups, so some pairs are too close.
 */
export function buildManySites({ count }: TBuildManySitesInput): TSite[] {
  let seed = 7;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const roles: TSite["role"][] = ["primary", "secondary", "secondary", "backup", "processing"];
  return Array.from({ length: count }, (_, i) => {
    const metro = Math.floor(i / 10);
    return {
      id: `site-${i + 1}`,
      name: `Hall ${i + 1}`,
      role: roles[i % roles.length] as TSite["role"],
      provider: `Provider ${metro % 4}`,
      city: `Metro ${metro + 1}`,
      country: "DE",
      lat: -40 + metro * 4 + rand() * 0.6,
      lon: -120 + metro * 12 + rand() * 0.6,
    };
  });
}
