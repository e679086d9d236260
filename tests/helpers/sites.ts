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
