import { describe, expect, it } from "vitest";
import {
  passwordSignInRefusal,
  SSO_REFUSALS,
  SSO_REQUIRED,
  SSO_REQUIRED_MESSAGE,
  signInErrorMessage,
  TWO_FACTOR_INVALID,
  TWO_FACTOR_REQUIRED,
} from "@/lib/identity/sign-in-messages";

describe("the sign-in page's messages", () => {
  it("says why single sign-on was refused, and nothing for a code it does not know", () => {
    expect(signInErrorMessage("SsoDomain")).toBe(SSO_REFUSALS.SsoDomain);
    expect(signInErrorMessage("SsoRequired")).toMatch(/requires single sign-on/);
    expect(signInErrorMessage("OAuthCallback")).toMatch(/did not complete/);
    expect(signInErrorMessage("<script>")).toBeUndefined();
    expect(signInErrorMessage("toString")).toBeUndefined();
    expect(signInErrorMessage(undefined)).toBeUndefined();
  });
});

describe("the password form's refusals", () => {
  it("names the cause it may name, and otherwise never says whether the account exists", () => {
    expect(passwordSignInRefusal({ status: 429, error: "CredentialsSignin" })).toMatch(
      /Too many sign-in attempts/,
    );
    expect(passwordSignInRefusal({ status: 401, error: SSO_REQUIRED })).toBe(SSO_REQUIRED_MESSAGE);
    expect(passwordSignInRefusal({ status: 401, error: TWO_FACTOR_INVALID })).toMatch(
      /code is not right/,
    );
    for (const error of ["CredentialsSignin", "Configuration", null]) {
      expect(passwordSignInRefusal({ status: 401, error })).toBe("Email or password is incorrect.");
    }
    expect(passwordSignInRefusal(undefined)).toBe("Email or password is incorrect.");
  });

  it("keeps the codes distinct, as the form tells them apart", () => {
    expect(new Set([SSO_REQUIRED, TWO_FACTOR_INVALID, TWO_FACTOR_REQUIRED]).size).toBe(3);
  });
});
