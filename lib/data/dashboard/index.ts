// The dashboard's data, by concern; import from "@/lib/data/dashboard".
export { dashboardCacheLifeMs, getDashboardSnapshot } from "./cache";
export * from "./common-mode";
export * from "./concentration";
export * from "./filters";
export * from "./portfolio";
export { DASHBOARD_SHAPE, readDashboardSnapshot, type TDashboardSnapshot } from "./snapshot";
export { TIER_WEIGHTS } from "./sql";
export * from "./table";
export * from "./vendor";
