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
