import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES } from "@/lib/permissions";

describe("permission map", () => {
  it("gives admin every permission", () => {
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can({ role: "admin", permission: p })).toBe(true);
    }
  });

  it("lets managers read everything and decide, but not edit vendors or manage users", () => {
    expect(can({ role: "manager", permission: "vendor:read" })).toBe(true);
    expect(can({ role: "manager", permission: "assessment:decide" })).toBe(true);
    expect(can({ role: "manager", permission: "risk:accept" })).toBe(true);
    expect(can({ role: "manager", permission: "report:export" })).toBe(true);
    expect(can({ role: "manager", permission: "vendor:write" })).toBe(false);
    expect(can({ role: "manager", permission: "user:manage" })).toBe(false);
  });

  it("lets procurement work vendors and assessments but not users, settings or risk acceptance", () => {
    expect(can({ role: "procurement", permission: "vendor:write" })).toBe(true);
    expect(can({ role: "procurement", permission: "assessment:send" })).toBe(true);
    expect(can({ role: "procurement", permission: "finding:write" })).toBe(true);
    expect(can({ role: "procurement", permission: "user:manage" })).toBe(false);
    expect(can({ role: "procurement", permission: "settings:manage" })).toBe(false);
    expect(can({ role: "procurement", permission: "risk:accept" })).toBe(false);
  });

  it("grants every read permission to every role", () => {
    for (const role of ROLES) expect(can({ role, permission: "dashboard:read" })).toBe(true);
  });
});
