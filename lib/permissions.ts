// The one permission map. Every page, route handler and Server Action checks through it.
export const ROLES = ["admin", "procurement", "manager"] as const;
export type TRole = (typeof ROLES)[number];

const ALL: readonly TRole[] = ROLES;
const STAFF_WRITE: readonly TRole[] = ["admin", "procurement"];
const DECIDERS: readonly TRole[] = ["admin", "procurement", "manager"];
const MANAGE: readonly TRole[] = ["admin", "manager"];
const ADMIN: readonly TRole[] = ["admin"];

export const PERMISSIONS = {
  "dashboard:read": ALL,
  "vendor:read": ALL,
  "vendor:write": STAFF_WRITE,
  "assessment:read": ALL,
  "assessment:write": STAFF_WRITE,
  "assessment:send": STAFF_WRITE,
  "assessment:review": STAFF_WRITE,
  "assessment:decide": DECIDERS,
  "finding:read": ALL,
  "finding:write": STAFF_WRITE,
  "risk:accept": MANAGE,
  "report:export": MANAGE,
  "evidence:read": ALL,
  "user:manage": ADMIN,
  "settings:manage": ADMIN,
  "audit:read": ADMIN,
  "ops:read": ADMIN,
  /** Start a restore drill from the ops page (it backs up and boots a copy: heavy work). */
  "ops:drill": ADMIN,
  /** One's own profile, notification preferences and inbox. */
  "profile:manage": ALL,
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function can({ role, permission }: { role: TRole; permission: TPermission }): boolean {
  return (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

export const ROLE_LABELS: Record<TRole, string> = {
  admin: "Administrator",
  procurement: "Procurement officer",
  manager: "Risk manager",
};
