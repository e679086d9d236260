import type { TPermission } from "@/lib/permissions";

export const NAV_ITEMS: { href: string; label: string; permission: TPermission }[] = [
  { href: "/dashboard", label: "Dashboard", permission: "dashboard:read" },
  { href: "/vendors", label: "Vendors", permission: "vendor:read" },
  { href: "/assessments", label: "Assessments", permission: "assessment:read" },
  { href: "/admin/users", label: "Users", permission: "user:manage" },
  { href: "/admin/questions", label: "Own questions", permission: "settings:manage" },
  { href: "/admin/settings", label: "Settings", permission: "settings:manage" },
  { href: "/admin/api-tokens", label: "API tokens", permission: "settings:manage" },
  { href: "/admin/webhooks", label: "Webhooks", permission: "settings:manage" },
  { href: "/admin/ops", label: "Backups", permission: "ops:read" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
];
