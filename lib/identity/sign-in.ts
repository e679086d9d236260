import { recordAudit } from "../audit";
import { spendSecondFactor } from "../data/two-factor";
import { TWO_FACTOR_INVALID, TWO_FACTOR_REQUIRED } from "./sign-in-messages";

// The second step of a password sign-in (lib/auth.ts calls it once the password is right).
// A user with TOTP on must send a code with the password: without one, sign-in answers
// TWO_FACTOR_REQUIRED and the form asks for it; the password is sent again with the code (it
// stays in the page's memory, never in a URL), so each try counts against the same sign-in
// rate limit as a password guess.

export type TSignInMethod = "password" | "password+totp" | "password+recovery_code";

type TSignInUser = { id: string; orgId: string; email: string; totpEnabledAt: Date | null };

/** How the user proved who they are, or throws TWO_FACTOR_REQUIRED / TWO_FACTOR_INVALID. */
export async function checkSecondFactor({
  user,
  code,
}: {
  user: TSignInUser;
  code: string | undefined;
}): Promise<TSignInMethod> {
  if (!user.totpEnabledAt) return "password";
  if (!code) throw new Error(TWO_FACTOR_REQUIRED);
  const factor = await spendSecondFactor({ userId: user.id, orgId: user.orgId, code });
  if (factor) return factor === "totp" ? "password+totp" : "password+recovery_code";
  await recordAudit({
    orgId: user.orgId,
    actor: { kind: "system", label: user.email.slice(0, 200) },
    action: "auth.sign_in_failed",
    targetType: "user",
    targetId: user.id,
    data: { reason: "bad_second_factor" },
  });
  throw new Error(TWO_FACTOR_INVALID);
}
