import { describe, expect, it } from "vitest";
import {
  changeUserRole,
  resetUserSessions,
  SelfLockoutError,
  setUserActive,
} from "@/lib/data/users";
import { createVendor, listVendors } from "@/lib/data/vendors";
import { applyMigrations, listMigrations } from "@/lib/db/migrations";
import { NotFoundError } from "@/lib/errors";
import { createOrgWithUsers, setupFreshDatabase } from "./db";

const { url, prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "alpha");
const b = await createOrgWithUsers(prisma, "beta");

describe("migrations", () => {
  it("records every committed migration the way Prisma does, and re-applying is a no-op", async () => {
    const rows = await prisma.$queryRawUnsafe<
      { migration_name: string; checksum: string; applied_steps_count: number }[]
    >(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    const files = listMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.applied_steps_count === 1)).toBe(true);
    const again = await applyMigrations({ url });
    expect(again.applied).toEqual([]);
  });

  it("keeps the audit log append-only: UPDATE and DELETE are refused by the database", async () => {
    const ev = await prisma.auditEvent.create({
      data: { actorKind: "system", action: "test.event" },
    });
    await expect(
      prisma.auditEvent.update({ where: { id: ev.id }, data: { action: "x" } }),
    ).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: ev.id } })).rejects.toThrow(/append-only/);
    expect((await prisma.auditEvent.findUnique({ where: { id: ev.id } }))?.action).toBe(
      "test.event",
    );
  });
});

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

  it("lists only the caller's organisation's vendors", async () => {
    await createVendor({
      orgId: a.org.id,
      actorId: a.procurement.id,
      input: {
        name: "A-only",
        tier: "high",
        services: [],
        website: undefined,
        notes: undefined,
        ownerId: undefined,
      },
    });
    await createVendor({
      orgId: b.org.id,
      actorId: b.procurement.id,
      input: {
        name: "B-only",
        tier: "low",
        services: [],
        website: undefined,
        notes: undefined,
        ownerId: undefined,
      },
    });
    expect((await listVendors({ orgId: a.org.id })).map((v) => v.name)).toEqual(["A-only"]);
    expect((await listVendors({ orgId: b.org.id })).map((v) => v.name)).toEqual(["B-only"]);
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
