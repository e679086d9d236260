import { describe, expect, it } from "vitest";
import {
  changeUserRole,
  resetUserSessions,
  SelfLockoutError,
  setUserActive,
} from "@/lib/data/users";
import { NotFoundError } from "@/lib/errors";
import { createOrgWithUsers, setupFreshDatabase } from "../db";

const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "alpha");
const b = await createOrgWithUsers(prisma, "beta");

describe("organisation scoping", () => {
  // Guards against cross-tenant writes: an admin of one organisation naming a user of another.
  it("treats another organisation's user as not found and changes nothing", async () => {
    await expect(
      changeUserRole({ orgId: a.org.id, actorId: a.admin.id, userId: b.manager.id, role: "admin" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      setUserActive({ orgId: a.org.id, actorId: a.admin.id, userId: b.manager.id, active: false }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: b.manager.id } });
    expect(after.role).toBe("manager");
    expect(after.active).toBe(true);
    expect(after.sessionVersion).toBe(1);
  });
});

describe("sessions and roles", () => {
  it("bumps the session version on deactivation, role change and reset, and audits each", async () => {
    const start = (await prisma.user.findUniqueOrThrow({ where: { id: a.manager.id } }))
      .sessionVersion;
    await setUserActive({
      orgId: a.org.id,
      actorId: a.admin.id,
      userId: a.manager.id,
      active: false,
    });
    await setUserActive({
      orgId: a.org.id,
      actorId: a.admin.id,
      userId: a.manager.id,
      active: true,
    });
    await changeUserRole({
      orgId: a.org.id,
      actorId: a.admin.id,
      userId: a.manager.id,
      role: "procurement",
    });
    await resetUserSessions({ orgId: a.org.id, actorId: a.admin.id, userId: a.manager.id });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: a.manager.id } });
    expect(after.sessionVersion).toBe(start + 4);
    const actions = await prisma.auditEvent.findMany({
      where: { targetId: a.manager.id },
      orderBy: { id: "asc" },
    });
    expect(actions.map((e) => e.action)).toEqual([
      "user.deactivated",
      "user.reactivated",
      "user.role_changed",
      "user.sessions_reset",
    ]);
    expect(actions[2]?.data).toEqual({ from: "manager", to: "procurement" });
  });

  it("refuses to let an admin lock themselves out", async () => {
    await expect(
      setUserActive({ orgId: a.org.id, actorId: a.admin.id, userId: a.admin.id, active: false }),
    ).rejects.toBeInstanceOf(SelfLockoutError);
    await expect(
      changeUserRole({ orgId: a.org.id, actorId: a.admin.id, userId: a.admin.id, role: "manager" }),
    ).rejects.toBeInstanceOf(SelfLockoutError);
  });
});
