// Guards against a password-reset link that works twice, late or for a deactivated user, that
// leaves the old sessions open, or whose request tells whether an account exists.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeEml } from "../../helpers/eml";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-reset-"));
process.env.DATA_DIR = dataDir;
process.env.APP_URL = "http://localhost:3000";
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers } = await import("../db");
const reset = await import("@/lib/data/password-reset");
const { NotFoundError } = await import("@/lib/errors");
const { verifyPassword } = await import("@/lib/passwords");

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "reset");

const outbox = () => {
  const dir = path.join(dataDir, "outbox");
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .sort()
        .map((f) => decodeEml(fs.readFileSync(path.join(dir, f), "utf8")))
    : [];
};
const lastToken = () =>
  /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(outbox().at(-1)?.body ?? "")?.[1] ?? "";

describe("password reset", () => {
  it("mails nothing for an unknown address, and says the same", async () => {
    const before = outbox().length;
    expect(await reset.requestPasswordReset({ email: "nobody@reset.test" })).toEqual({
      sent: false,
    });
    expect(outbox()).toHaveLength(before);
  });

  it("sets the new password once and ends every session", async () => {
    const { email, id } = org.procurement;
    const before = await prisma.user.findUniqueOrThrow({ where: { id } });
    await reset.requestPasswordReset({ email });
    const token = lastToken();
    expect(token).toHaveLength(43);
    expect(await prisma.passwordReset.count({ where: { tokenHash: token } })).toBe(0);
    expect(await reset.getPasswordResetState({ token })).toEqual({ state: "valid", email });

    await reset.completePasswordReset({ token, password: "a brand new passphrase" });
    const after = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(
      await verifyPassword({ password: "a brand new passphrase", hash: after.passwordHash }),
    ).toBe(true);
    await expect(
      reset.completePasswordReset({ token, password: "yet another passphrase" }),
    ).rejects.toThrow(/used already/);
    const audit = await prisma.auditEvent.findMany({
      where: { targetId: id, action: { startsWith: "auth.password_reset" } },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "auth.password_reset_completed",
      "auth.password_reset_requested",
    ]);
  });

  it("replaces an earlier link, expires, and refuses unknown tokens", async () => {
    const { email } = org.manager;
    await reset.requestPasswordReset({ email });
    const first = lastToken();
    await reset.requestPasswordReset({ email });
    const second = lastToken();
    expect((await reset.getPasswordResetState({ token: first })).state).toBe("expired");
    const later = new Date(Date.now() + 61 * 60_000);
    expect((await reset.getPasswordResetState({ token: second, now: later })).state).toBe(
      "expired",
    );
    await expect(
      reset.completePasswordReset({ token: "x".repeat(43), password: "a brand new passphrase" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("does nothing for a deactivated user", async () => {
    const { email, id } = org.admin;
    await reset.requestPasswordReset({ email });
    const token = lastToken();
    await prisma.user.update({ where: { id }, data: { active: false } });
    expect((await reset.getPasswordResetState({ token })).state).toBe("revoked");
    expect(await reset.requestPasswordReset({ email })).toEqual({ sent: false });
  });
});
