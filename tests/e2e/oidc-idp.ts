// A real OpenID Connect provider for the e2e runs (the `oidc-provider` package) on 127.0.0.1:
// its own development sign-in page (any password), accounts kept in a map the spec fills, and
// the app as its one client. Authorization code with PKCE only, as the app asks for it.
import http from "node:http";
import Provider from "oidc-provider";

export type TIdpAccount = {
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
};

export type TIdp = {
  accounts: Map<string, TIdpAccount>;
  close: () => Promise<void>;
};

const SCOPE = "openid email profile groups";

export async function startIdp(): Promise<TIdp> {
  const port = Number(process.env.E2E_OIDC_PORT);
  const accounts = new Map<string, TIdpAccount>();
  const provider = new Provider(process.env.E2E_OIDC_ISSUER!, {
    clients: [
      {
        client_id: process.env.E2E_OIDC_CLIENT_ID!,
        client_secret: process.env.E2E_OIDC_CLIENT_SECRET!,
        redirect_uris: [`${process.env.E2E_BASE_URL}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    // The claims in the ID token itself, as enterprise providers send them.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ["e2e-idp-cookie-key-not-a-secret"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    // No consent screen: the app is the provider's own first-party client.
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope(SCOPE);
      await grant.save();
      return grant;
    },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
