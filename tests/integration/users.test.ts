// Guards against learning that someone has an account in another organisation: adding a user
// with an email taken elsewhere used to answer "A user with this email already exists".
import { beforeAll, describe, expect, it } from "vitest";

const { setupFreshDatabase, createOrgWithUsers } = await import("./db");
const { createUser } = await import("@/lib/data/users");
const { ConflictError } = await import("@/lib/errors");

describe("adding a user", () => {
  let prisma: Awaited<ReturnType<typeof setupFreshDatabase>>["prisma"];
  let a: Awaited<ReturnType<typeof createOrgWithUsers>>;
  let b: Awaited<ReturnType<typeof createOrgWithUsers>>;
  beforeAll(async () => {
    ({ prisma } = await setupFreshDatabase());
    a = await createOrgWithUsers(prisma, "users-a");
    b = await createOrgWithUsers(prisma, "users-b");
  });

  const add = (orgId: string, actorId: string, email: string) =>
    createUser({
      orgId,
      actorId,
      input: { name: "New Person", email, role: "manager", password: "a-long-enough-password" },
    });

  it("with an email of another organisation's user says only that it cannot be used", async () => {
    const err = await add(b.org.id, b.admin.id, a.manager.email).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as InstanceType<typeof ConflictError>).message).toBe(
      "This email address cannot be used. Choose another.",
    );
    expect((err as InstanceType<typeof ConflictError>).field).toBe("email");
  });

  it("with an email of its own organisation's user says the user exists", async () => {
    await expect(add(a.org.id, a.admin.id, a.manager.email)).rejects.toThrow(
      "A user with this email already exists",
    );
  });

  it("twice at once: one is added, the other gets the same message, not a crash", async () => {
    const email = "twice@users-a.test";
    const results = await Promise.allSettled([
      add(a.org.id, a.admin.id, email),
      add(a.org.id, a.admin.id, email),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });
});
