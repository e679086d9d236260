import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** How the session signed in (lib/auth.ts): a password, or the identity provider. */
    via?: "password" | "oidc";
  }
}
declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
  }
}
