// The sign-in's error codes and what the sign-in page says for each: plain strings, safe in the
// browser. The codes travel in the login page's URL (?error=…) or back to the password form, so
// they say why without naming anyone.

// What a password sign-in answers when it needs, or refuses, the second step (lib/identity/
// sign-in.ts throws them; the sign-in form reads them).
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired";
export const TWO_FACTOR_INVALID = "TwoFactorInvalid";
export const TWO_FACTOR_PROMPT = "Enter the code from your authenticator app.";

export const SSO_REFUSALS = {
  SsoUnverified:
    "The identity provider did not confirm your email address, so it cannot be used to sign in here.",
  SsoDomain:
    "Your email address's domain is not registered with any organisation here. Ask your administrator to invite you or to claim the domain.",
  SsoDeactivated: "This account is deactivated. Ask your administrator.",
} as const;

export type TSsoRefusal = keyof typeof SSO_REFUSALS;

/** Thrown by the password sign-in when the organisation requires single sign-on. */
export const SSO_REQUIRED = "SsoRequired";
export const SSO_REQUIRED_MESSAGE =
  "Your organisation requires single sign-on: use the sign-in with your identity provider.";

const SSO_FAILED =
  "Single sign-on did not complete. Try again; if it keeps failing, ask your administrator.";

/** The message for the login page's ?error= code; nothing for a code it does not know. */
export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (Object.hasOwn(SSO_REFUSALS, code)) return SSO_REFUSALS[code as TSsoRefusal];
  if (code === SSO_REQUIRED) return SSO_REQUIRED_MESSAGE;
  // next-auth's own codes for a failed round trip with the provider (state, nonce, PKCE, …).
  if (/^(OAuth\w*|Callback|AccessDenied|Configuration)$/.test(code)) return SSO_FAILED;
  return undefined;
}

/** What the password form says when Auth.js refused its sign-in (`res` is signIn()'s answer). */
export function passwordSignInRefusal(
  res: { status: number; error: string | null } | undefined,
): string {
  if (res?.status === 429) return "Too many sign-in attempts. Wait a few minutes and try again.";
  if (res?.error === SSO_REQUIRED) return SSO_REQUIRED_MESSAGE;
  if (res?.error === TWO_FACTOR_INVALID) {
    return "That code is not right. Try the code your app shows now.";
  }
  return "Email or password is incorrect.";
}
