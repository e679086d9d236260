import { createPrismaClient } from "../lib/db";
import { hashPassword } from "../lib/passwords";
import { DEMO_ORG, DEMO_USERS, DEMO_VENDORS } from "./demo-data";

/** Seeds the demo organisation when the database has no organisation yet. */
export async function seedIfEmpty({ url }: { url: string }): Promise<boolean> {
  const prisma = createPrismaClient({ url });
  try {
    if ((await prisma.organization.count()) > 0) return false;
    const hashes = await Promise.all(
      Object.values(DEMO_USERS).map(
        async (u) => [u.email, await hashPassword({ password: u.password })] as const,
      ),
    );
    const hashByEmail = new Map(hashes);
    await prisma.$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: {
          ...DEMO_ORG,
          settings: { supportEmail: "vendor-risk@demo.example", reminderDaysBefore: 7 },
        },
      });
      const users: Record<string, string> = {};
      for (const [key, u] of Object.entries(DEMO_USERS)) {
        const created = await tx.user.create({
          data: {
            orgId: org.id,
            email: u.email,
            name: u.name,
            role: u.role,
            passwordHash: hashByEmail.get(u.email)!,
          },
        });
        users[key] = created.id;
      }
      for (const v of DEMO_VENDORS) {
        await tx.vendor.create({
          data: {
            orgId: org.id,
            name: v.name,
            tier: v.tier,
            services: [...v.services],
            ownerId: users.procurement,
          },
        });
      }
      await tx.auditEvent.create({
        data: {
          orgId: org.id,
          actorKind: "system",
          action: "demo.seeded",
          data: { vendors: DEMO_VENDORS.length },
        },
      });
    });
    return true;
  } finally {
    await prisma.$disconnect();
  }
}
