import { DrillError } from "./app-boot";

// The browser's sign-in, over plain HTTP: next-auth's credentials flow with a cookie jar.

class CookieJar {
  private cookies = new Map<string, string>();
  keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0] ?? "";
      const i = pair.indexOf("=");
      if (i > 0) this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1));
    }
  }
  has(pattern: RegExp) {
    return [...this.cookies.keys()].some((k) => pattern.test(k));
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Signs in as `email`/`password` (GET /api/auth/csrf, POST /api/auth/callback/credentials),
 * then requires GET /dashboard to answer 200 with a page that shows `name`.
 */
export async function signInOverHttp({
  baseUrl,
  email,
  password,
  name,
}: {
  baseUrl: string;
  email: string;
  password: string;
  name: string;
}) {
  const jar = new CookieJar();
  const get = (p: string) =>
    fetch(`${baseUrl}${p}`, { headers: { cookie: jar.header() }, redirect: "manual" });
  const csrf = await get("/api/auth/csrf");
  jar.keep(csrf);
  if (csrf.status !== 200) throw new DrillError(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new DrillError("GET /api/auth/csrf gave no csrfToken");

  const login = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.header(),
      // The app refuses cookie-authenticated POSTs without a same-origin Origin (CSRF guard).
      origin: new URL(baseUrl).origin,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  jar.keep(login);
  if (!jar.has(/session-token/)) {
    const body = (await login.text()).slice(0, 300);
    throw new DrillError(`sign-in was refused (HTTP ${login.status}, no session cookie): ${body}`);
  }

  const dashboard = await get("/dashboard");
  if (dashboard.status !== 200) {
    const where = dashboard.headers.get("location");
    throw new DrillError(
      `GET /dashboard answered ${dashboard.status}${where ? ` → ${where}` : ""}, expected 200`,
    );
  }
  const html = await dashboard.text();
  if (!html.includes(name))
    throw new DrillError(`GET /dashboard did not show the user's name "${name}"`);
}
