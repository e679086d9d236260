import http from "node:http";

// Plain HTTP from a chosen local address, which neither the browser nor Playwright's request
// API can choose. The app (started by playwright.config.ts) trusts 127.0.0.2 as a reverse proxy
// (TRUSTED_PROXIES); any other 127.x.y.z is a direct client with an address of its own, so a
// test can use up rate limits without touching those of the suites that run from 127.0.0.1.

export const TRUSTED_PROXY = "127.0.0.2";

/** A direct client's address of its own (never the trusted proxy, never 127.0.0.1). */
export const directClient = () =>
  `127.${10 + Math.floor(Math.random() * 240)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;

/** A documentation address (RFC 5737) for a client behind the proxy. */
export const documentationIp = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}`;

export type TRawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

const port = () => Number(new URL(process.env.E2E_BASE_URL!).port);
export const appOrigin = () => new URL(process.env.E2E_BASE_URL!).origin;

export function rawRequest({
  from,
  path,
  method = "GET",
  headers = {},
  body,
}: {
  from: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<TRawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: port(), localAddress: from, path, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const cookiePairs = (setCookie: string[] | undefined) =>
  (setCookie ?? []).map((c) => c.split(";")[0]!).filter((c) => !c.endsWith("="));

/** next-auth's credentials sign-in over HTTP: its status, Retry-After and session cookie. */
export async function signInRaw({
  from,
  forwardedFor,
  email,
  password,
}: {
  from: string;
  forwardedFor?: string;
  email: string;
  password: string;
}) {
  const xff: Record<string, string> = forwardedFor ? { "X-Forwarded-For": forwardedFor } : {};
  const csrf = await rawRequest({ from, path: "/api/auth/csrf", headers: xff });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await rawRequest({
    from,
    path: "/api/auth/callback/credentials",
    method: "POST",
    headers: {
      ...xff,
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookiePairs(csrf.headers["set-cookie"]).join("; "),
      Origin: appOrigin(),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = cookiePairs(res.headers["set-cookie"]).find((c) =>
    c.startsWith("next-auth.session-token"),
  );
  return {
    status: res.status,
    retryAfter: Number(res.headers["retry-after"] ?? 0),
    session: session ?? null,
  };
}
