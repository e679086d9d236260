import { describe, expect, it } from "vitest";
import { completeSetup, getSetupLinkState } from "@/lib/data/setup";
import { issueSetupLink } from "@/lib/data/setup-link";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { verifyPassword } from "@/lib/passwords";
import { ZSetup } from "@/lib/schemas/setup";
import { hashToken } from "@/lib/tokens";
import { DEMO_USERS } from "@/prisma/demo-data";
import { setupFreshDatabase } from "../db";

// Guards against a production database opened with well-known demo passwords, or taken over
// through a setup link used twice or late: the first admin's link works once, before it expires.
const { url, prisma } = await setupFreshDatabase();
const appUrl = "https://vr.example.com";
// Parsed as the route handler parses it (the email is lower-cased there).
const input = ZSetup.parse({
  orgName: "Northwind Bank",
  name: "Nora Admin",
  email: "Nora@Northwind.example",
  password: "a long enough passphrase",
});
const tokenOf = (link: { url: string }) => link.url.split("/setup/")[1]!;

describe("the first admin's setup link", () => {
  it("is refused once expired, and sets up nothing", async () => {
    const old = await issueSetupLink({ url, appUrl, now: new Date(Date.now() - 25 * 3_600_000) });
    const token = tokenOf(old!);
    expect(await getSetupLinkState({ token })).toBe("expired");
    await expect(completeSetup({ token, input })).rejects.toThrow(/expired/);
    expect(await prisma.organization.count()).toBe(0);
  });

  it("refuses an unknown or malformed token as not found", async () => {
    await expect(completeSetup({ token: "x".repeat(43), input })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(completeSetup({ token: "../../etc", input })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await getSetupLinkState({ token: "nope" })).toBe("unknown");
  });

  it("stores only the token's hash, works once, and creates the organisation and its admin", async () => {
    const link = await issueSetupLink({ url, appUrl });
    expect(link!.url).toMatch(/^https:\/\/vr\.example\.com\/setup\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link!);
    const rows = await prisma.setupLink.findMany();
    expect(rows.map((r) => r.tokenHash)).toContain(hashToken({ token }));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await getSetupLinkState({ token })).toBe("valid");

    const done = await completeSetup({ token, input });
    expect(done.email).toBe("nora@northwind.example");
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: done.orgId } });
    expect(org.name).toBe("Northwind Bank");
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: done.email } });
    expect(admin.role).toBe("admin");
    expect(await verifyPassword({ password: input.password, hash: admin.passwordHash })).toBe(true);

    expect(await getSetupLinkState({ token })).toBe("used");
    const again = completeSetup({ token, input: { ...input, email: "mallory@evil.example" } });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toThrow(/used already/);
    expect(await prisma.organization.count()).toBe(1);
    expect(await prisma.user.count()).toBe(1);
  });

  it("is not issued once an organisation exists, and no demo account was ever made", async () => {
    expect(await issueSetupLink({ url, appUrl })).toBeNull();
    const demoEmails = Object.values(DEMO_USERS).map((u) => u.email);
    expect(await prisma.user.count({ where: { email: { in: demoEmails } } })).toBe(0);
  });

  it("names the field when the input is bad", () => {
    const r = ZSetup.safeParse({ ...input, orgName: " ", password: "short" });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain("orgName: Organisation name is required");
    expect(messages).toContain("password: Password needs at least 12 characters");
  });
});
