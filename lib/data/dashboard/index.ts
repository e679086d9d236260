// The dashboard's data, by concern; import from "@/lib/data/dashboard".
export { DASHBOARD_CACHE_MS, getDashboardAsOf } from "./cache";
export * from "./concentration";
export * from "./filters";
export * from "./portfolio";
export { TIER_WEIGHTS } from "./sql";
export * from "./table";
export * from "./vendor";
