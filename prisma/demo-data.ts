// Demo data for a first start. The passwords are for the demo only and are in the README.
export const DEMO_ORG = { name: "Harbor Mutual Bank (demo)", slug: "harbor-demo" };

export const DEMO_USERS = {
  admin: {
    email: "admin@demo.example",
    name: "Ada Admin",
    role: "admin",
    password: "demo-admin-pass-2026",
  },
  procurement: {
    email: "procurement@demo.example",
    name: "Priya Procurement",
    role: "procurement",
    password: "demo-procure-pass-2026",
  },
  manager: {
    email: "manager@demo.example",
    name: "Marcus Manager",
    role: "manager",
    password: "demo-manager-pass-2026",
  },
} as const;

export const DEMO_VENDORS = [
  {
    name: "Ledgerline Core Banking",
    tier: "critical",
    services: ["Core banking platform", "Payments ledger"],
  },
  { name: "CloudVault Backup", tier: "critical", services: ["Offsite backup", "Archive storage"] },
  { name: "PayBridge Gateway", tier: "high", services: ["Card payments"] },
  { name: "HR Orbit", tier: "moderate", services: ["Payroll", "HR records"] },
  { name: "DocuStream", tier: "moderate", services: ["Document storage"] },
  { name: "Canteen Menus Ltd", tier: "low", services: ["Staff canteen ordering"] },
] as const;

// ---- The demo portfolio: vendors with a year of assessments, generated from a seeded PRNG ----

/** Vendors beyond the six above; each gets a history of judged assessments. */
export const DEMO_PORTFOLIO_VENDORS = [
  ["Northwind Treasury Cloud", "critical", "Treasury management"],
  ["Fidelis Card Processing", "critical", "Card issuing", "Authorisation"],
  ["Keystone KYC", "critical", "Customer onboarding", "Sanctions screening"],
  ["Meridian Market Data", "critical", "Market data feeds"],
  ["Sentinel SOC", "critical", "Managed security monitoring"],
  ["Atlas Mortgage Servicing", "critical", "Loan servicing platform"],
  ["Bluepeak Identity", "high", "Single sign-on", "MFA"],
  ["ClearPath Payroll", "high", "Payroll processing"],
  ["Quarry Data Warehouse", "high", "Analytics warehouse"],
  ["Signet E-Signature", "high", "Contract signing"],
  ["Tidewater Contact Centre", "high", "Customer contact centre"],
  ["Orion Fraud Analytics", "high", "Fraud scoring"],
  ["Vantage Email Security", "high", "Email filtering"],
  ["Granite Archive", "high", "Regulatory archive"],
  ["Helix Collaboration", "moderate", "Intranet", "Chat"],
  ["Pioneer Expense", "moderate", "Expense management"],
  ["Copperleaf Learning", "moderate", "Staff training"],
  ["Summit Travel Desk", "moderate", "Business travel"],
  ["Lumen Print Services", "moderate", "Statement printing"],
  ["Waypoint Fleet", "moderate", "Vehicle fleet"],
  ["Brightdesk ITSM", "moderate", "IT service desk"],
  ["Juniper Survey", "low", "Customer surveys"],
  ["Cobalt Room Booking", "low", "Meeting rooms"],
  ["Evergreen Facilities", "low", "Facilities helpdesk"],
  ["Maple Translation", "low", "Translation"],
  ["Redwood Events", "low", "Event registration"],
] as const;

export type TDemoCity = {
  city: string;
  country: string;
  lat: number;
  lon: number;
  /** Cloud region names by provider, where the provider has one in that city. */
  regions: Partial<Record<"aws" | "azure" | "gcp", string>>;
};

export const DEMO_CITIES: readonly TDemoCity[] = [
  {
    city: "Frankfurt",
    country: "DE",
    lat: 50.11,
    lon: 8.68,
    regions: { aws: "eu-central-1", azure: "germanywestcentral", gcp: "europe-west3" },
  },
  {
    city: "Dublin",
    country: "IE",
    lat: 53.35,
    lon: -6.26,
    regions: { aws: "eu-west-1", azure: "northeurope" },
  },
  {
    city: "Amsterdam",
    country: "NL",
    lat: 52.37,
    lon: 4.9,
    regions: { azure: "westeurope", gcp: "europe-west4" },
  },
  {
    city: "London",
    country: "GB",
    lat: 51.51,
    lon: -0.13,
    regions: { aws: "eu-west-2", azure: "uksouth", gcp: "europe-west2" },
  },
  {
    city: "Paris",
    country: "FR",
    lat: 48.86,
    lon: 2.35,
    regions: { aws: "eu-west-3", azure: "francecentral", gcp: "europe-west9" },
  },
  { city: "Stockholm", country: "SE", lat: 59.33, lon: 18.07, regions: { aws: "eu-north-1" } },
  {
    city: "Zurich",
    country: "CH",
    lat: 47.37,
    lon: 8.54,
    regions: { aws: "eu-central-2", gcp: "europe-west6" },
  },
  {
    city: "Milan",
    country: "IT",
    lat: 45.46,
    lon: 9.19,
    regions: { aws: "eu-south-1", gcp: "europe-west8" },
  },
  { city: "Madrid", country: "ES", lat: 40.42, lon: -3.7, regions: { gcp: "europe-southwest1" } },
  { city: "Warsaw", country: "PL", lat: 52.23, lon: 21.01, regions: { gcp: "europe-central2" } },
  {
    city: "Ashburn",
    country: "US",
    lat: 39.04,
    lon: -77.49,
    regions: { aws: "us-east-1", azure: "eastus" },
  },
  { city: "Dallas", country: "US", lat: 32.78, lon: -96.8, regions: { gcp: "us-south1" } },
  { city: "Boardman", country: "US", lat: 45.84, lon: -119.7, regions: { aws: "us-west-2" } },
  {
    city: "Toronto",
    country: "CA",
    lat: 43.65,
    lon: -79.38,
    regions: { azure: "canadacentral", gcp: "northamerica-northeast2" },
  },
  {
    city: "Singapore",
    country: "SG",
    lat: 1.35,
    lon: 103.82,
    regions: { aws: "ap-southeast-1", azure: "southeastasia" },
  },
  { city: "Mumbai", country: "IN", lat: 19.08, lon: 72.88, regions: { aws: "ap-south-1" } },
  { city: "Sydney", country: "AU", lat: -33.87, lon: 151.21, regions: { aws: "ap-southeast-2" } },
  { city: "Tokyo", country: "JP", lat: 35.68, lon: 139.69, regions: { aws: "ap-northeast-1" } },
];

export const DEMO_PROVIDERS = [
  { key: "aws", name: "Amazon Web Services", weight: 5 },
  { key: "azure", name: "Microsoft Azure", weight: 3 },
  { key: "gcp", name: "Google Cloud", weight: 2 },
  { key: "equinix", name: "Equinix", weight: 1 },
  { key: "own", name: "Own data centre", weight: 1 },
] as const;
