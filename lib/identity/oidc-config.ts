import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TEnv } from "../env";

// The identity provider as next-auth sees it. Discovery happens at sign-in time (next-auth
// fetches the issuer's /.well-known/openid-configuration then), so the app starts whether or
// not the provider is up.

export const OIDC_PROVIDER_ID = "oidc";

/** The claims this app reads; anything else the provider sends is ignored. */
export type TOidcClaims = {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  groups?: string[] | string;
};

/** What profile() hands on: the claims themselves, checked later (lib/identity/oidc.ts). */
export type TOidcProfile = {
  id: string;
  email: string | null;
  name: string | null;
  claims: TOidcClaims;
};

export const isOidcConfigured = (env: TEnv) =>
  Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);

/** The name on the sign-in button: "Sign in with <name>". */
export const oidcDisplayName = (env: TEnv) => env.OIDC_NAME ?? "single sign-on";

export function oidcProvider(env: TEnv): OAuthConfig<TOidcClaims> | null {
  if (!isOidcConfigured(env)) return null;
  const issuer = env.OIDC_ISSUER!.replace(/\/+$/, "");
  return {
    id: OIDC_PROVIDER_ID,
    name: oidcDisplayName(env),
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile groups" } },
    // The ID token is verified (signature, issuer, audience, nonce) and its claims are used.
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile: (claims) =>
      ({
        id: claims.sub,
        email: typeof claims.email === "string" ? claims.email.toLowerCase() : null,
        name: typeof claims.name === "string" ? claims.name : null,
        claims,
      }) satisfies TOidcProfile,
  };
}
