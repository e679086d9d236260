import "@/lib/zod-config";
import { z } from "zod";
import { zEmail, zId, zNewPassword, zText } from "./common";
import { ZRole } from "./user";

/** An admin invites a colleague: the invitee chooses their own password (lib/data/user-invitations.ts). */
export const ZInviteUser = z.object({
  name: zText({ label: "Name", max: 120, min: 1 }),
  email: zEmail(),
  role: ZRole,
});
export type TInviteUser = z.infer<typeof ZInviteUser>;

export const ZInvitationId = z.object({ invitationId: zId("Invitation") });

/**
 * A new password from an invitation or a reset link. The browser checks the length; the
 * server also refuses common passwords (lib/identity/common-passwords.ts).
 */
export const ZChoosePassword = z.object({ password: zNewPassword() });
export type TChoosePassword = z.infer<typeof ZChoosePassword>;

export const ZForgotPassword = z.object({ email: zEmail() });
export type TForgotPassword = z.infer<typeof ZForgotPassword>;

/** A code from an authenticator app (6 digits) or a recovery code ("K7QM2-XW4PD"). */
export const ZTwoFactorCode = z.object({
  code: z
    .string({ error: "Enter the code" })
    .trim()
    .min(6, "Code needs at least 6 characters")
    .max(20, "Code must be at most 20 characters")
    .regex(/^[A-Za-z0-9 -]+$/, "Code has only digits, letters and dashes"),
});
export type TTwoFactorCode = z.infer<typeof ZTwoFactorCode>;

export const TWO_FACTOR_RULES = ["off", "admins", "everyone"] as const;
export const TWO_FACTOR_RULE_LABELS: Record<(typeof TWO_FACTOR_RULES)[number], string> = {
  off: "Nobody is required (each user may turn it on)",
  admins: "Administrators must use it",
  everyone: "Everyone must use it",
};
export const ZTwoFactorRule = z.object({
  rule: z.enum(TWO_FACTOR_RULES, { error: "Choose who must use two-factor sign-in" }),
});
export type TTwoFactorRule = z.infer<typeof ZTwoFactorRule>;
