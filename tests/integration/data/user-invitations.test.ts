// Guards against a staff invitation link that works twice, late, after it was withdrawn or
// sent again, or from another organisation; against invitees choosing a common password; and
// against learning that someone has an account in another organisation: inviting an email taken
// elsewhere must not answer "A user with this email already exists".
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeEml } from "../../helpers/eml";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-staff-invites-"));
process.env.DATA_DIR = dataDir;
process.env.APP_URL = "http://localhost:3000";
delete process.env.SMTP_URL;

const { setupFreshDatabase, createOrgWithUsers } = await import("../db");
const inv = await import("@/lib/data/user-invitations");
const { ConflictError, NotFoundError } = await import("@/lib/errors");
const { verifyPassword } = await import("@/lib/passwords");
const { POST } = await import("@/app/api/invitations/[token]/route");

const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "invites-a");
const b = await createOrgWithUsers(prisma, "invites-b");
const scopeA = { orgId: a.org.id, actorId: a.admin.id };

/** The invitation link of the newest mail to `to`. */
function linkTo(to: string) {
  const dir = path.join(dataDir, "outbox");
  const mails = fs
    .readdirSync(dir)
    .sort()
    .map((f) => decodeEml(fs.readFileSync(path.join(dir, f), "utf8")))
    .filter((m) => m.to.includes(to));
  const body = mails.at(-1)?.body ?? "";
  return /\/invite\/([A-Za-z0-9_-]{43})/.exec(body)?.[1] ?? "";
}

const accept = (token: string, password: string) =>
  POST(
    new Request(`http://localhost:3000/api/invitations/${token}`, {
      method: "POST",
      headers: { Origin: "http://localhost:3000", "Content-Type": "application/json" },
      body: JSON.stringify({ password }),
    }),
    { params: Promise.resolve({ token }) },
  );

describe("staff invitations", () => {
  it("mails a link that creates the user with the chosen password, once", async () => {
    const email = "ivy@invites-a.test";
    await inv.inviteUser({ ...scopeA, input: { name: "Ivy", email, role: "manager" } });
    const token = linkTo(email);
    expect(token).toHaveLength(43);
    // Only the hash is stored.
    expect(await prisma.staffInvitation.count({ where: { tokenHash: token } })).toBe(0);
    expect((await inv.getInvitationByToken({ token })).state).toBe("valid");

    const res = await accept(token, "a long enough passphrase");
    expect(res.status).toBe(200);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ orgId: a.org.id, role: "manager", name: "Ivy" });
    expect(
      await verifyPassword({ password: "a long enough passphrase", hash: user.passwordHash }),
    ).toBe(true);

    const again = await accept(token, "another long passphrase");
    expect(again.status).toBe(409);
    expect((await inv.getInvitationByToken({ token })).state).toBe("used");
    const actions = await prisma.auditEvent.findMany({
      where: { orgId: a.org.id, action: { startsWith: "user.invitation" } },
      select: { action: true },
    });
    expect(actions.map((e) => e.action).sort()).toEqual([
      "user.invitation_accepted",
      "user.invitation_sent",
    ]);
  });

  it("refuses a common password or a short one, naming the field, and keeps the link", async () => {
    const email = "cody@invites-a.test";
    await inv.inviteUser({ ...scopeA, input: { name: "Cody", email, role: "procurement" } });
    const token = linkTo(email);
    for (const password of ["qwerty123456", "password1234!", "short"]) {
      const res = await accept(token, password);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.fieldErrors.password[0]).toMatch(/^Password /);
    }
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    expect((await inv.getInvitationByToken({ token })).state).toBe("valid");
  });

  it("sending again makes the old link stop; withdrawing stops the new one", async () => {
    const email = "rex@invites-a.test";
    const { id } = await inv.inviteUser({
      ...scopeA,
      input: { name: "Rex", email, role: "manager" },
    });
    const first = linkTo(email);
    await inv.resendInvitation({ ...scopeA, invitationId: id });
    const second = linkTo(email);
    expect(second).not.toBe(first);
    expect((await inv.getInvitationByToken({ token: first })).state).toBe("unknown");
    await inv.revokeInvitation({ ...scopeA, invitationId: id });
    await expect(
      inv.acceptInvitation({ token: second, password: "a long enough passphrase" }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("expires", async () => {
    const email = "old@invites-a.test";
    await inv.inviteUser({ ...scopeA, input: { name: "Old", email, role: "manager" } });
    const token = linkTo(email);
    const later = new Date(Date.now() + 73 * 3_600_000);
    expect((await inv.getInvitationByToken({ token, now: later })).state).toBe("expired");
    await expect(
      inv.acceptInvitation({ token, password: "a long enough passphrase", now: later }),
    ).rejects.toThrow(/expired/);
  });

  it("answers not found for another organisation's invitation, and refuses a taken email", async () => {
    const { id } = await inv.inviteUser({
      orgId: b.org.id,
      actorId: b.admin.id,
      input: { name: "Bea", email: "bea@invites-b.test", role: "manager" },
    });
    await expect(inv.revokeInvitation({ ...scopeA, invitationId: id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(inv.resendInvitation({ ...scopeA, invitationId: id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await inv.listPendingInvitations({ orgId: a.org.id })).not.toContainEqual(
      expect.objectContaining({ id }),
    );
    await expect(
      inv.inviteUser({ ...scopeA, input: { name: "X", email: a.manager.email, role: "manager" } }),
    ).rejects.toThrow(/already exists/);
    await expect(
      inv.inviteUser({
        ...scopeA,
        input: { name: "X", email: "bea@invites-b.test", role: "manager" },
      }),
    ).resolves.toBeDefined();
  });
});

describe("inviting an email that is taken, or twice at once", () => {
  const invite = (org: typeof a, email: string) =>
    inv.inviteUser({
      orgId: org.org.id,
      actorId: org.admin.id,
      input: { name: "New Person", email, role: "manager" },
    });

  it("with an email of another organisation's user says only that it cannot be used", async () => {
    const err = await invite(b, a.manager.email).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as InstanceType<typeof ConflictError>).message).toBe(
      "This email address cannot be used. Choose another.",
    );
    expect((err as InstanceType<typeof ConflictError>).field).toBe("email");
    expect(await prisma.staffInvitation.count({ where: { email: a.manager.email } })).toBe(0);
  });

  it("with an email of its own organisation's user says the user exists, on the email field", async () => {
    const err = await invite(a, a.manager.email).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as InstanceType<typeof ConflictError>).message).toBe(
      "A user with this email already exists",
    );
    expect((err as InstanceType<typeof ConflictError>).field).toBe("email");
  });

  it("twice at once: one invitation is sent, the other is refused on the email field, not a crash", async () => {
    const email = "twice@invites-a.test";
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => invite(a, email)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(r.reason).toBeInstanceOf(ConflictError);
      expect((r.reason as InstanceType<typeof ConflictError>).field).toBe("email");
    }
    expect(
      await prisma.staffInvitation.count({ where: { orgId: a.org.id, email, revokedAt: null } }),
    ).toBe(1);
  });

  it("two organisations' invitations to one address accepted at once: one user, the other refused", async () => {
    const email = "both@invites.test";
    await invite(a, email);
    const tokenA = linkTo(email);
    await invite(b, email);
    const tokenB = linkTo(email);
    expect(tokenB).not.toBe(tokenA);
    const results = await Promise.allSettled([
      inv.acceptInvitation({ token: tokenA, password: "a long enough passphrase" }),
      inv.acceptInvitation({ token: tokenB, password: "another long passphrase" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });
});
