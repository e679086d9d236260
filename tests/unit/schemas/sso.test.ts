import { describe, expect, it } from "vitest";
import { formatGroupRoles, parseGroupRoles, ZDomain, ZSsoSettings } from "@/lib/schemas/sso";

describe("single sign-on settings", () => {
  it('reads "group = role" lines and writes them back the same', () => {
    const text = "Risk Team = manager\n\n  cn=admins,ou=groups = admin  ";
    const parsed = parseGroupRoles(text);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { group: "Risk Team", role: "manager" },
        { group: "cn=admins,ou=groups", role: "admin" },
      ],
    });
    expect(parsed.ok && formatGroupRoles(parsed.value)).toBe(
      "Risk Team = manager\ncn=admins,ou=groups = admin",
    );
  });

  it("names the mapping and the line of a role that does not exist", () => {
    const r = ZSsoSettings.safeParse({
      required: false,
      breakGlassEmails: "",
      defaultRole: "manager",
      groupRoles: "ops = procurement\nops = root",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ["groupRoles"],
      message: expect.stringMatching(/^Group to role mapping, line 2/),
    });
  });

  it("takes break-glass administrators one address per line, and refuses what is not one", () => {
    const ok = ZSsoSettings.parse({
      required: true,
      breakGlassEmails: " a@x.example \n\nb@x.example",
      defaultRole: "manager",
      groupRoles: "",
    });
    expect(ok.breakGlassEmails).toEqual(["a@x.example", "b@x.example"]);
    const bad = ZSsoSettings.safeParse({
      ...ok,
      breakGlassEmails: "a@x.example\nnot an address",
      groupRoles: "",
    });
    expect(bad.error?.issues[0]?.message).toMatch(/^Break-glass administrators must be email/);
  });

  it("takes a domain name in any case, never a URL or an address", () => {
    expect(ZDomain.parse({ domain: " Corp.Example.COM " }).domain).toBe("corp.example.com");
    for (const domain of [
      "https://corp.example",
      "a@corp.example",
      "localhost",
      "corp.example/x",
      "",
    ]) {
      expect(ZDomain.safeParse({ domain }).success, domain).toBe(false);
    }
  });
});
