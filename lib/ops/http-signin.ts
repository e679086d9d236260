// The browser's sign-in, over plain HTTP: next-auth's credentials flow with a cookie jar. The
// restore drill signs in to the restored copy with it; the security scan and the dashboard
// benchmark (tests/) sign in with it too, so the three cannot drift apart.

/** A sign-in over HTTP that did not give a working session; the message says which step. */
export class HttpSignInError extends Error {}

/** The cookies the app has set so far; `header()` is the Cookie header that sends them back. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0] ?? "";
      const i = pair.indexOf("=");
      if (i > 0) this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }
  get(name: string) {
    return this.cookies.get(name);
  }
  /** The session cookie as `name=value` (its name has a `__Secure-` prefix under HTTPS). */
  session() {
    const found = [...this.cookies].find(([k]) => /session-token$/.test(k));
    return found ? `${found[0]}=${found[1]}` : undefined;
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export type TFetchCsrfTokenInput = { baseUrl: string; jar?: CookieJar };

/** GET /api/auth/csrf: next-auth's CSRF token, its cookie kept in `jar`. */
export async function fetchCsrfToken({ baseUrl, jar = new CookieJar() }: TFetchCsrfTokenInput) {
  const res = await fetch(`${baseUrl}/api/auth/csrf`, {
    headers: { cookie: jar.header() },
    redirect: "manual",
  });
  jar.keep(res);
  if (res.status !== 200) throw new HttpSignInError(`GET /api/auth/csrf answered ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken?: string };
  if (!csrfToken) throw new HttpSignInError("GET /api/auth/csrf gave no csrfToken");
  return { jar, csrfToken };
}

export type TSignInOverHttpInput = {
  baseUrl: string;
  email: string;
  password: string;
  /** when given, the dashboard must show it (the drill's proof that the right user is in) */
  name?: string;
  /** the second step's code, for a user with two-factor sign-in on (lib/identity/sign-in.ts) */
  code?: string;
};

/**
 * Signs in as `email`/`password` (GET /api/auth/csrf, POST /api/auth/callback/credentials),
 * then requires GET /dashboard with the session cookie alone to answer 200 (a refused or stale
 * session is redirected to the sign-in page instead). Returns the jar holding the session.
 */
export async function signInOverHttp({
  baseUrl,
  email,
  password,
  name,
  code,
}: TSignInOverHttpInput) {
  const { jar, csrfToken } = await fetchCsrfToken({ baseUrl });
  const login = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.header(),
      // The app refuses cookie-authenticated POSTs without a same-origin Origin (CSRF guard).
      origin: new URL(baseUrl).origin,
    },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      ...(code ? { code } : {}),
      json: "true",
    }),
    redirect: "manual",
  });
  jar.keep(login);
  const session = jar.session();
  if (!session) {
    const body = (await login.text()).slice(0, 300);
    throw new HttpSignInError(
      `sign-in was refused (HTTP ${login.status}, no session cookie): ${body}`,
    );
  }

  const dashboard = await fetch(`${baseUrl}/dashboard`, {
    headers: { cookie: session },
    redirect: "manual",
  });
  if (dashboard.status !== 200) {
    const where = dashboard.headers.get("location");
    throw new HttpSignInError(
      `GET /dashboard answered ${dashboard.status}${where ? ` → ${where}` : ""}, expected 200`,
    );
  }
  const html = await dashboard.text();
  if (name !== undefined && !html.includes(name))
    throw new HttpSignInError(`GET /dashboard did not show the user's name "${name}"`);
  return { jar, session };
}
