// The browser's half of a next-auth (v4) sign-in, without next-auth/react: the sign-in page has
// no session to provide, and that module (SessionProvider, its polyfilled runtime) weighed
// ~14 KB gzip of the page's JavaScript. The same requests its signIn() makes, minus the list of
// providers it fetches first: both providers are known here.

const AUTH = "/api/auth";

async function csrfToken(): Promise<string> {
  const res = await fetch(`${AUTH}/csrf`);
  const data = (await res.json()) as { csrfToken?: string };
  return data.csrfToken ?? "";
}

async function post(path: string, fields: Record<string, string | undefined>, callbackUrl: string) {
  const body = new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: "true" });
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) body.set(k, v);
  const res = await fetch(`${AUTH}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  const data = (await res.json()) as { url?: string };
  return { res, url: data.url ?? "" };
}

/** What signIn("credentials", { redirect: false }) answered: `error` is the ?error= code. */
export type TSignInAnswer = {
  error: string | null;
  status: number;
  ok: boolean;
  url: string | null;
};

/** A password (and second-step code) sign-in; the session cookie is set when `ok` and no error. */
export async function signInWithPassword(
  fields: Record<string, string | undefined>,
): Promise<TSignInAnswer> {
  const { res, url } = await post("/callback/credentials", fields, window.location.href);
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : "Unknown";
  return { error, status: res.status, ok: res.ok, url: error ? null : url };
}

/** Starts the single sign-on round trip: the browser goes to the identity provider. */
export async function startSingleSignOn(providerId: string, callbackUrl: string): Promise<void> {
  const { url } = await post(`/signin/${providerId}`, {}, callbackUrl);
  window.location.href = url || callbackUrl;
}
