import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "./audit";
import { isPasswordSignInRefused } from "./data/org-sso";
import { db } from "./db";
import { getAuthSecret, getEnv } from "./env";
import { signInWithOidc } from "./identity/oidc";
import { OIDC_PROVIDER_ID, oidcProvider, type TOidcProfile } from "./identity/oidc-config";
import { checkSecondFactor } from "./identity/sign-in";
import { SSO_REQUIRED } from "./identity/sign-in-messages";
import { verifyPassword } from "./passwords";
import { ZSignIn } from "./schemas/auth";
import { getClientIp } from "./security/client-address";
import { countSignInAttempt, refundSignInAttempt } from "./security/rate-limit";
import { decodeSessionToken } from "./session-token";
import { endSession, newSessionId, recordSignIn } from "./sessions";

export { getAuthSecret };

export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  // 12 hours from sign-in: lib/authz.ts reads the cookie itself and does not re-issue it.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  jwt: { decode: decodeSessionToken },
  // Refused single sign-ons come back to the sign-in page, which says why (?error=…).
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { type: "email" },
        password: { type: "password" },
        // Two-factor sign-in (lib/identity/sign-in.ts): the TOTP or recovery code, when asked for.
        code: { type: "text" },
      },
      async authorize(credentials, req) {
        const parsed = ZSignIn.safeParse(credentials);
        if (!parsed.success) return null;
        const email = parsed.data.email.toLowerCase();
        const ip = getClientIp({
          headers: new Headers((req?.headers ?? {}) as Record<string, string>),
        });
        // Password guessing: counted before the password is checked, atomically, so parallel
        // guesses get at most the limit's worth of checks. proxy.ts answers 429 (with
        // Retry-After) once a source is over its limit; this catches the ones racing past it.
        if ((await countSignInAttempt({ email, ip })) !== null) throw new Error("TooManyAttempts");
        const user = await db.user.findUnique({ where: { email } });
        const ok = await verifyPassword({
          password: parsed.data.password,
          hash: user?.passwordHash,
        });
        if (!user || !ok || !user.active) {
          // One message for every failure: never reveal whether the account exists.
          await recordAudit({
            orgId: user?.orgId ?? null,
            actor: { kind: "system", label: email.slice(0, 200) },
            action: "auth.sign_in_failed",
            targetType: user ? "user" : undefined,
            targetId: user?.id,
            data: { reason: !user ? "no_account" : !ok ? "bad_password" : "deactivated" },
          });
          return null;
        }
        // "Single sign-on required" before the second factor: no code is asked of a refused account.
        if (await isPasswordSignInRefused({ user })) {
          await recordAudit({
            orgId: user.orgId,
            actor: { kind: "system", label: email.slice(0, 200) },
            action: "auth.sign_in_failed",
            targetType: "user",
            targetId: user.id,
            data: { reason: "sso_required", method: "password" },
          });
          throw new Error(SSO_REQUIRED);
        }
        const method = await checkSecondFactor({ user, code: parsed.data.code });
        await refundSignInAttempt({ email, ip });
        await recordSignIn({ user, method });
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
      },
    }),
    ...[oidcProvider(getEnv())].filter((p) => p !== null),
  ],
  events: {
    signOut: ({ token }) => endSession({ token }),
  },
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const result = await signInWithOidc({ claims: (user as unknown as TOidcProfile).claims });
      if (!result.ok) return `/login?error=${result.reason}`;
      // next-auth hands this same object to the jwt callback below: from here on it is our
      // user, not the provider's subject.
      Object.assign(user, { id: result.user.id, sv: result.user.sv });
      return true;
    },
    async jwt({ token, user, account }) {
      if (user) {
        token.uid = user.id;
        // How this session signed in: two-factor sign-in is for password accounts; the identity
        // provider answers for its own sign-ins (lib/authz.ts reads it).
        token.via = account?.provider === OIDC_PROVIDER_ID ? "oidc" : "password";
        token.sv = (user as unknown as { sv: number }).sv;
        // This session's own id, so signing out can end it alone (lib/sessions.ts).
        token.sid = newSessionId();
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
};
