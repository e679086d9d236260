import { describe, expect, it } from "vitest";
import { applyMigrations, listMigrations } from "@/lib/db/migrations";
import { setupFreshDatabase } from "../db";

const { url, prisma } = await setupFreshDatabase();

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
