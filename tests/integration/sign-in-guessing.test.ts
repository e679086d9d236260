// Guards against parallel password guessing through the sign-in itself: the limit used to be
// checked before it was counted, so 60 guesses sent at once got 22 password checks against a
// limit of 10. Now each attempt is counted before its password is checked.
import { beforeAll, describe, expect, it } from "vitest";

process.env.RATE_LIMIT_SIGNIN_PER_EMAIL = "10";
process.env.NEXTAUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";

const { setupFreshDatabase, createOrgWithUsers } = await import("./db");
const { authOptions } = await import("@/lib/auth");
const { hashPassword } = await import("@/lib/passwords");

type TAuthorize = (credentials: Record<string, string>, req: unknown) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: TAuthorize } })
  .options.authorize;

describe("sign-in guessing", () => {
  let prisma: Awaited<ReturnType<typeof setupFreshDatabase>>["prisma"];
  let email: string;
  beforeAll(async () => {
    ({ prisma } = await setupFreshDatabase());
    const { admin } = await createOrgWithUsers(prisma, "guess");
    await prisma.user.update({
      where: { id: admin.id },
      data: { passwordHash: await hashPassword({ password: "the-right-password-2026" }) },
    });
    email = admin.email;
  });

  it("60 parallel guesses make at most 10 password checks", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        authorize({ email, password: `wrong-guess-${i}` }, { headers: {} }),
      ),
    );
    expect(results.every((r) => r.status === "rejected" || r.value === null)).toBe(true);
    const checks = await prisma.auditEvent.count({
      where: { action: "auth.sign_in_failed", actorLabel: email },
    });
    expect(checks).toBe(10);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(50);
  });
});
