import { describe, expect, it } from "vitest";
import { isTwoFactorRequired } from "@/lib/identity/two-factor-rule";

describe("who must use two-factor sign-in", () => {
  it("follows the organisation's rule", () => {
    expect(isTwoFactorRequired({ rule: "off", role: "admin" })).toBe(false);
    expect(isTwoFactorRequired({ rule: "admins", role: "admin" })).toBe(true);
    expect(isTwoFactorRequired({ rule: "admins", role: "manager" })).toBe(false);
    expect(isTwoFactorRequired({ rule: "everyone", role: "procurement" })).toBe(true);
  });
});
