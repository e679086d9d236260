import crypto from "node:crypto";
import { afterAll, inject } from "vitest";
import { createPrismaClient, setDb } from "@/lib/db";
import { createDatabase, dropDatabase } from "@/lib/db/scratch-db";
import { TEMPLATE_DB } from "../helpers/pg";

/** A fresh, migrated database for this test file; the app's `db` points at it. */
export async function setupFreshDatabase() {
  const server = inject("pgUrl");
  const name = `t_${crypto.randomBytes(6).toString("hex")}`;
  const url = await createDatabase({ url: server, name, template: TEMPLATE_DB });
  const prisma = createPrismaClient({ url });
  setDb(prisma);
  afterAll(async () => {
    await prisma.$disconnect();
    setDb(undefined);
    await dropDatabase({ url: server, name });
  });
  return { url, prisma };
}

export async function createOrgWithUsers(
  prisma: ReturnType<typeof createPrismaClient>,
  slug: string,
) {
  const org = await prisma.organization.create({ data: { name: `Org ${slug}`, slug } });
  const mk = (role: "admin" | "procurement" | "manager") =>
    prisma.user.create({
      data: {
        orgId: org.id,
        email: `${role}@${slug}.test`,
        name: `${role} ${slug}`,
        role,
        passwordHash: "x",
      },
    });
  return {
    org,
    admin: await mk("admin"),
    procurement: await mk("procurement"),
    manager: await mk("manager"),
  };
}
