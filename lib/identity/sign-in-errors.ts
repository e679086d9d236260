// What a password sign-in answers when it needs, or refuses, the second step (lib/identity/
// sign-in.ts throws them; the sign-in form reads them): plain strings, safe in the browser.
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired";
export const TWO_FACTOR_INVALID = "TwoFactorInvalid";
