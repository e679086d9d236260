import { createPrismaClient } from "../lib/db";
import { hashPassword } from "../lib/passwords";
import type { TTier } from "../lib/rules";
import { createRng } from "./demo-answers";
import { DEMO_ORG, DEMO_PORTFOLIO_VENDORS, DEMO_USERS, DEMO_VENDORS } from "./demo-data";
import { seedPortfolio } from "./demo-portfolio";

export { buildDemoAnswers, createRng, type TRng } from "./demo-answers";
export {
  buildPortfolioRows,
  ensureSeedQuestionnaireVersion,
  seedPortfolio,
  type TPortfolioInput,
} from "./demo-portfolio";

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
    // One transaction: a failed first start leaves no half-seeded organisation behind.
    await prisma.$transaction(
      async (tx) => {
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
        const vendor = (name: string, tier: TTier, services: readonly string[]) => ({
          orgId: org.id,
          name,
          tier,
          services: [...services],
          ownerId: users.procurement,
        });
        await tx.vendor.createMany({
          data: DEMO_VENDORS.map((v) => vendor(v.name, v.tier, v.services)),
        });
        const portfolio = await tx.vendor.createManyAndReturn({
          data: DEMO_PORTFOLIO_VENDORS.map(([name, tier, ...services]) =>
            vendor(name, tier, services),
          ),
          select: { id: true, tier: true },
        });
        const started = Date.now();
        const result = await seedPortfolio({
          prisma: tx,
          orgId: org.id,
          vendors: portfolio,
          ownerId: users.procurement!,
          deciderId: users.manager!,
          rng: createRng({ seed: 20261127 }),
        });
        await tx.auditEvent.create({
          data: {
            orgId: org.id,
            actorKind: "system",
            action: "demo.seeded",
            data: {
              vendors: DEMO_VENDORS.length + portfolio.length,
              ...result,
              ms: Date.now() - started,
            },
          },
        });
      },
      { timeout: 60_000 },
    );
    return true;
  } finally {
    await prisma.$disconnect();
  }
}
