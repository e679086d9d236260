import { getEnv } from "../env";

// The staff account mails: an invitation to join, and a password-reset link. Each link carries
// only an opaque token (its SHA-256 is what the database keeps).

export const INVITATION_HOURS = 72;
export const PASSWORD_RESET_MINUTES = 60;

export function staffInvitationMail({
  orgName,
  name,
  inviterName,
  token,
}: {
  orgName: string;
  name: string;
  inviterName: string;
  token: string;
}) {
  return {
    subject: `You are invited to ${orgName} on Resilience Ledger`,
    text: [
      `Hello ${name},`,
      "",
      `${inviterName} invited you to join ${orgName} on Resilience Ledger, where ${orgName} reviews its vendors' business-continuity and disaster-recovery arrangements.`,
      "",
      "Choose your password at this link, then sign in:",
      `${getEnv().APP_URL}/invite/${token}`,
      "",
      `The link works once and expires in ${INVITATION_HOURS} hours. Not expecting this? Ignore it.`,
    ].join("\n"),
  };
}

export function passwordResetMail({ token }: { token: string }) {
  return {
    subject: "Reset your Resilience Ledger password",
    text: [
      "Hello,",
      "",
      "Someone asked to reset the password of the Resilience Ledger account for this address.",
      "Choose a new password at this link:",
      `${getEnv().APP_URL}/reset-password/${token}`,
      "",
      `The link works once and expires in ${PASSWORD_RESET_MINUTES} minutes. Setting a new password signs you out everywhere.`,
      "If it was not you, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}
