import { describe, expect, it } from "vitest";
import { SSO_REFUSALS, signInErrorMessage } from "@/lib/identity/sign-in-messages";

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
