// Guards against broken access control: a role doing what its permissions do not list, anyone
// reaching another organisation's records, a signed-out caller getting in, and a refused call
// changing data. Every page, route handler and Server Action (tests/e2e/authz/registry.ts) is
// called over real HTTP as every role of two organisations, and signed out, against the caller's
// own organisation's record and the other organisation's. What each call should get is derived
// from lib/permissions.ts: another organisation's record → 404; a role the permission does not
// list → 403; signed out → the sign-in page (pages, actions) or 401 (API). After every refused
// call the whole database is compared with its state before the call. Allowed calls go through
// (mutations on fresh records of the caller's organisation) and leave the other organisation's
// rows untouched.
import type { APIResponse } from "@playwright/test";
import { ROLES } from "@/lib/permissions";
import {
  expectUnchanged,
  fingerprint,
  orgFingerprint,
  type TFingerprint,
} from "./authz/db-fingerprint";
import { discoverEndpoints } from "./authz/inventory";
import {
  entryKey,
  expectedOutcome,
  MATRIX,
  PUBLIC,
  type TCallCtx,
  type TEntry,
  type TOutcome,
} from "./authz/registry";
import {
  actionManifest,
  callAction,
  encodeArgs,
  findAction,
  workerRoute,
} from "./authz/server-action";
import { type TOrgKey, type TOrgWorld, type TRecord, type TUserRec, World } from "./authz/world";
import { appDatabase, expect, signIn, type TDb, test } from "./fixtures";

const ROLE_REFUSAL = "Your role does not allow this.";
const FIELD_REFUSAL = "Some fields need attention.";

test("every page, route handler and Server Action has a matrix entry", () => {
  const found = discoverEndpoints();
  const listed = new Set([...MATRIX, ...PUBLIC].map(entryKey));
  const all = [...found.pages, ...found.routes, ...found.actions];
  expect(
    all.filter((k) => !listed.has(k)),
    "endpoints without an entry in tests/e2e/authz/registry.ts",
  ).toEqual([]);
  expect(
    [...listed].filter((k) => !all.includes(k)),
    "registry entries for endpoints that no longer exist",
  ).toEqual([]);
  // Server Actions defined anywhere else (inline "use server") would show up in the build.
  expect(
    actionManifest()
      .map((a) => `${a.file}#${a.name}`)
      .filter((k) => !listed.has(k)),
    "Server Actions in the build without a matrix entry",
  ).toEqual([]);
  // Sanity: the discovery itself sees the app.
  expect(found.pages.length).toBeGreaterThan(5);
  expect(found.actions.length).toBeGreaterThan(10);
});

test.describe("authorization matrix", () => {
  let db: TDb;
  let world: World;
  let last: TFingerprint | undefined;
  const tally: Record<string, number> = {};

  test.beforeAll(async ({ browser, baseURL }, testInfo) => {
    testInfo.setTimeout(240_000);
    db = appDatabase();
    world = new World(db, baseURL!);
    await world.build(browser);
  });

  test.afterAll(async () => {
    const total = Object.values(tally).reduce((a, b) => a + b, 0);
    if (total) console.log(`[authz-matrix] ${total} cases: ${JSON.stringify(tally)}`);
    await world?.dispose();
    await db?.$disconnect();
  });

  const other = (org: TOrgWorld) => (org.key === "A" ? world.orgs.B : world.orgs.A);
  const actorOrgs: TOrgKey[] = ["A", "B"];

  test("the matrix sends a Server Action's arguments exactly as the browser does", async ({
    browser,
  }) => {
    const org = world.orgs.A;
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, org.users.procurement);
    await page.goto(`/vendors/${org.records.vendor.id}`);
    const form = page.getByRole("form", { name: "Add a contact" });
    await form.getByLabel("Name", { exact: true }).fill("Browser Contact");
    await form.getByLabel("Email", { exact: true }).fill("browser-contact@vendor.example");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
      form.getByRole("button").click(),
    ]);
    await request.response();
    const headers = request.headers();
    const action = findAction({ file: "lib/actions/vendors.ts", name: "addVendorContactAction" });
    expect(headers["next-action"]).toBe(action.id);
    expect(headers["content-type"]).toBe("text/plain;charset=UTF-8");
    // Decode what the browser sent, re-encode it the matrix's way: byte for byte the same.
    const decode = (v: unknown): unknown => {
      if (v === "$undefined") return undefined;
      if (typeof v === "string") return v.startsWith("$$") ? v.slice(1) : v;
      if (Array.isArray(v)) return v.map(decode);
      if (v && typeof v === "object")
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
      return v;
    };
    const decoded = decode(JSON.parse(request.postData()!)) as unknown[];
    expect((decoded[0] as { vendorId: string }).vendorId).toBe(org.records.vendor.id);
    expect(encodeArgs(decoded)).toBe(request.postData());
    await context.close();
  });

  function record(entry: TEntry, target: TOrgWorld, actor: TUserRec | null, outcome: TOutcome) {
    if (!entry.record) return Promise.resolve(null);
    const changes = entry.kind === "action" || (entry.kind === "route" && entry.method !== "GET");
    // A call allowed to change things gets its own record, so the shared ones keep their state.
    if (outcome === "ok" && changes) return world.fresh(entry.record, target, actor);
    return Promise.resolve(world.record(entry.record, target, actor));
  }

  /** The page an action is posted to: its first page, with the caller's own records as params. */
  function actionPage(own: TOrgWorld, workers: string[]) {
    return workerRoute(workers[0]!)
      .replace("[assessmentId]", own.records.assessment.id)
      .replace("[vendorId]", own.records.vendor.id);
  }

  async function send(entry: TEntry, r: TRecord | null, c: TCallCtx, invalid: boolean) {
    const api = world.api(c.actor);
    if (entry.kind === "action") {
      const action = findAction(entry);
      return callAction(api, {
        action,
        page: actionPage(c.own, action.workers),
        args: invalid ? entry.invalidArgs(r, c) : await entry.args(r, c),
        origin: world.origin,
      });
    }
    const url = entry.url(r, c);
    const res: APIResponse =
      entry.kind === "route" && entry.method === "POST"
        ? await api.post(url, { headers: { Origin: world.origin }, maxRedirects: 0 })
        : await api.get(url, { maxRedirects: 0 });
    const body = (await res.body()).toString("utf8");
    return { response: res, status: res.status(), location: res.headers().location ?? null, body };
  }

  type TResult = Awaited<ReturnType<typeof send>>;

  function judge(
    entry: TEntry,
    outcome: TOutcome | "invalid",
    res: TResult,
    r: TRecord | null,
    c: TCallCtx,
  ): string[] {
    const bad: string[] = [];
    const want = (ok: boolean, what: string) => {
      if (!ok)
        bad.push(`${what} (got ${res.status} ${res.body.slice(0, 160).replace(/\s+/g, " ")})`);
    };
    const result =
      "result" in res ? (res.result as Record<string, unknown> | undefined) : undefined;
    const listed = entry.kind === "action" ? undefined : entry.listed;
    if (outcome === "ok") {
      if (entry.kind === "action") {
        want(
          res.status === 200 && !!result?.data && result.error === undefined,
          "the action succeeds",
        );
      } else {
        const okStatus = entry.kind === "route" ? (entry.okStatus ?? 200) : 200;
        want(res.status === okStatus, `status ${okStatus}`);
        const type = entry.kind === "route" ? entry.okType : /^text\/html/;
        const got = res.response.headers()["content-type"] ?? "";
        if (type && !type.test(got)) bad.push(`content type ${type} (got ${got})`);
        if (entry.kind === "page" && r) want(res.body.includes(r.marker), `shows ${r.marker}`);
      }
      if (listed) {
        want(res.body.includes(listed(c.own)), `lists its own ${listed(c.own)}`);
        want(!res.body.includes(listed(other(c.own))), "shows nothing of the other organisation");
      }
      if (entry.kind === "page" && entry.hidden)
        want(
          !res.body.includes(entry.hidden(other(c.own))),
          "shows nothing of the other organisation",
        );
      return bad;
    }
    // Refused: no trace of the record, or of the list, in the answer.
    if (r) want(!res.body.includes(r.marker), `reveals nothing of ${r.marker}`);
    if (listed) want(!res.body.includes(listed(c.own)), "reveals nothing of the list");
    if (outcome === "signin") {
      if (entry.kind === "route") want(res.status === 401, "401 when signed out");
      else
        want(
          [302, 303, 307].includes(res.status) && /\/login(\?|$)/.test(res.location ?? ""),
          "a redirect to /login when signed out",
        );
      return bad;
    }
    if (entry.kind === "action") {
      if (outcome === "forbidden")
        want(
          res.status === 200 &&
            result?.status === 403 &&
            result.error === ROLE_REFUSAL &&
            !("data" in result),
          "403: the role refusal",
        );
      else if (outcome === "notfound")
        want(
          res.status === 200 &&
            result?.status === 404 &&
            /not found/i.test(String(result?.error)) &&
            !("data" in (result ?? {})),
          "404: not found",
        );
      else
        want(
          result?.status === 400 &&
            result.error === FIELD_REFUSAL &&
            Object.keys((result.fieldErrors as object) ?? {}).length > 0 &&
            !("data" in result),
          "field errors",
        );
      return bad;
    }
    const status = outcome === "forbidden" ? 403 : 404;
    want(res.status === status, `status ${status}`);
    if (entry.kind === "route" && outcome === "forbidden") {
      let json: unknown;
      try {
        json = JSON.parse(res.body);
      } catch {
        json = res.body;
      }
      want(JSON.stringify(json) === JSON.stringify({ error: ROLE_REFUSAL }), "only the refusal");
    }
    return bad;
  }

  async function runCase(
    entry: TEntry,
    actor: TUserRec | null,
    own: TOrgWorld,
    side: "own" | "other",
    invalid = false,
  ): Promise<string[]> {
    const target = side === "own" ? own : other(own);
    const base = expectedOutcome(entry, actor, side);
    const outcome = invalid && (base === "ok" || base === "notfound") ? "invalid" : base;
    const label = `${actor ? `${actor.role}@${own.key}` : "signed out"} → ${side} record${invalid ? ", invalid input" : ""}: expected ${outcome}`;
    const r = await record(entry, target, actor, outcome === "invalid" ? "forbidden" : outcome);
    const c: TCallCtx = { world, own, target, actor };
    tally[outcome] = (tally[outcome] ?? 0) + 1;
    try {
      if (outcome === "ok") {
        last = undefined; // the call (or its fresh record) changes the database
        const before = await orgFingerprint(db, other(own).id);
        const res = await send(entry, r, c, false);
        const bad = judge(entry, outcome, res, r, c);
        const after = await orgFingerprint(db, other(own).id);
        const touched = [...before.keys()].filter((t) => before.get(t) !== after.get(t));
        if (touched.length) bad.push(`changed the other organisation's ${touched.join(", ")}`);
        return bad.map((b) => `${label}: ${b}`);
      }
      const { result: res, after } = await expectUnchanged(
        db,
        label,
        () => send(entry, r, c, invalid),
        {
          before: last,
        },
      );
      last = after;
      return judge(entry, outcome, res, r, c).map((b) => `${label}: ${b}`);
    } catch (e) {
      last = undefined;
      const message = e instanceof Error ? e.message : String(e);
      return [message.startsWith(label) ? message : `${label}: ${message}`];
    }
  }

  for (const entry of MATRIX) {
    test(`${entryKey(entry)} [${entry.permission}]`, async () => {
      test.setTimeout(180_000);
      last = undefined;
      const failures: string[] = [];
      const sides = entry.record ? (["own", "other"] as const) : (["own"] as const);
      for (const key of actorOrgs) {
        const own = world.orgs[key];
        for (const role of ROLES) {
          for (const side of sides)
            failures.push(...(await runCase(entry, own.users[role], own, side)));
          if (entry.kind === "action")
            failures.push(...(await runCase(entry, own.users[role], own, "own", true)));
        }
      }
      failures.push(...(await runCase(entry, null, world.orgs.A, "own")));
      expect(failures).toEqual([]);
    });
  }

  test("the public pages and routes answer without a session, and a session changes nothing there", async () => {
    const admin = world.orgs.A.users.admin;
    const signedIn = world.api(admin);
    const anon = world.anon;
    const get = async (api: typeof anon, url: string) => api.get(url, { maxRedirects: 0 });

    expect((await get(anon, "/login")).status()).toBe(200);
    const loginSignedIn = await get(signedIn, "/login");
    expect(loginSignedIn.status()).toBe(307);
    expect(loginSignedIn.headers().location).toMatch(/\/dashboard$/);

    const rootAnon = await get(anon, "/");
    expect(rootAnon.headers().location).toMatch(/\/login$/);
    const rootSignedIn = await get(signedIn, "/");
    expect(rootSignedIn.headers().location).toMatch(/\/dashboard$/);

    for (const api of [anon, signedIn]) {
      const health = await get(api, "/api/health");
      expect(health.status()).toBe(200);
      expect((await health.json()).ok).toBe(true);
      const ready = await get(api, "/api/ready");
      expect(ready.status()).toBe(200);
      expect(await ready.json()).toEqual({
        ready: true,
        failed: [],
        checks: { database: "ok", migrations: "ok", backup: "ok" },
      });
      const cities = await get(api, "/api/cities?q=Dub");
      expect(cities.status()).toBe(200);
      expect(Array.isArray((await cities.json()).data)).toBe(true);
    }

    // next-auth: the session endpoint tells a signed-out caller nothing, a signed-in one who they are.
    expect(await (await get(anon, "/api/auth/session")).json()).toEqual({});
    expect((await (await get(signedIn, "/api/auth/session")).json()).user?.email).toBe(admin.email);
    // A POST with a wrong password changes no session; it is refused with next-auth's 401.
    const csrf = (await (await get(anon, "/api/auth/csrf")).json()).csrfToken as string;
    const refused = await anon.post("/api/auth/callback/credentials", {
      headers: { Origin: world.origin },
      form: { email: admin.email, password: "wrong-password-123", csrfToken: csrf, json: "true" },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(401);
    expect(await (await get(anon, "/api/auth/session")).json()).toEqual({});

    // The dashboard's static basemap: behind the sign-in gate, the same file for every role.
    expect((await get(anon, "/dashboard/world-map.svg")).headers().location).toMatch(/\/login/);
    for (const org of Object.values(world.orgs))
      for (const user of Object.values(org.users)) {
        const map = await get(world.api(user), "/dashboard/world-map.svg");
        expect(map.status()).toBe(200);
        expect(map.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
        expect(await map.text()).not.toContain(org.name);
      }
  });

  test("vendor links are scoped to their own assessment: another organisation's evidence is not found, a bad link changes nothing", async () => {
    const a = world.orgs.A;
    const b = world.orgs.B;
    // A link is the credential: every request counts against its rate limit (RateLimitBucket)
    // and marks the link used (Invitation.lastUsedAt). Nothing else may change.
    const ignore = [{ table: "RateLimitBucket" }, { table: "Invitation", columns: ["lastUsedAt"] }];
    const page = await world.anon.get(`/respond/${a.token}`);
    expect(page.status()).toBe(200);
    const html = await page.text();
    expect(html).toContain(a.records.vendor.marker);
    expect(html).not.toContain(b.records.vendor.marker);

    const own = await world.anon.get(`/api/respond/${a.token}/evidence/${a.records.evidence.id}`);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-type"]).toMatch(/^application\/pdf/);

    // The offline workbook of the link's own assessment (issue 22): a real .xlsx (a ZIP).
    const workbook = await world.anon.get(`/api/respond/${a.token}/answers.xlsx`);
    expect(workbook.status()).toBe(200);
    expect((await workbook.body()).subarray(0, 2).toString("latin1")).toBe("PK");

    for (const api of [world.anon, world.api(a.users.admin), world.api(b.users.admin)]) {
      const { result: cross } = await expectUnchanged(
        db,
        "another organisation's evidence through a vendor link",
        () => api.get(`/api/respond/${a.token}/evidence/${b.records.evidence.id}`),
        { ignore },
      );
      expect(cross.status()).toBe(404);
      expect((await cross.body()).toString()).not.toContain(b.records.evidence.marker);
    }

    const bogus = "not-a-real-link-token-0000000000";
    const calls: [string, () => Promise<APIResponse>][] = [
      ["page", () => world.anon.get(`/respond/${bogus}`)],
      [
        "answers",
        () =>
          world.anon.post(`/api/respond/${bogus}/answers`, {
            headers: { Origin: world.origin },
            data: {
              questionId: "sites",
              value: "x",
              baseVersion: 0,
              idempotencyKey: `k-${world.tag}`,
            },
          }),
      ],
      [
        "colleagues",
        () =>
          world.anon.post(`/api/respond/${bogus}/colleagues`, {
            headers: { Origin: world.origin },
            data: { email: "someone@vendor.example" },
          }),
      ],
      [
        "evidence upload",
        () =>
          world.anon.post(`/api/respond/${bogus}/evidence`, {
            headers: { Origin: world.origin },
            multipart: {
              file: {
                name: "x.pdf",
                mimeType: "application/pdf",
                buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
              },
            },
          }),
      ],
      ["offline workbook", () => world.anon.get(`/api/respond/${bogus}/answers.xlsx`)],
      [
        "evidence download",
        () => world.anon.get(`/api/respond/${bogus}/evidence/${a.records.evidence.id}`),
      ],
      [
        "submit",
        () =>
          world.anon.post(`/api/respond/${bogus}/submit`, { headers: { Origin: world.origin } }),
      ],
      [
        "thread reply",
        () =>
          world.anon.post(`/api/respond/${bogus}/threads`, {
            headers: { Origin: world.origin },
            data: { questionId: "sites", body: "Hello" },
          }),
      ],
      // A staff session is no vendor link.
      [
        "submit with a staff session",
        () =>
          world.api(a.users.admin).post(`/api/respond/${bogus}/submit`, {
            headers: { Origin: world.origin },
          }),
      ],
    ];
    for (const [label, call] of calls) {
      const { result } = await expectUnchanged(db, `unknown link: ${label}`, call, { ignore });
      expect(result.status(), label).toBe(404);
    }
  });

  test("fingerprints see a change, so an unchanged database means something", async () => {
    const before = await fingerprint(db);
    await db.vendorContact.create({
      data: {
        orgId: world.orgs.A.id,
        vendorId: world.orgs.A.records.vendor.id,
        name: "Fingerprint probe",
        email: "probe@vendor.example",
      },
    });
    await expect(expectUnchanged(db, "probe", async () => null, { before })).rejects.toThrow(
      /changed tables: VendorContact/,
    );
    // A running report job's progress is the job's own; a new job row is a call's change.
    const a = world.orgs.A;
    const job = {
      orgId: a.id,
      userId: a.users.admin.id,
      assessmentId: a.records.assessment.id,
      fileName: "probe.pdf",
    };
    const quiet = await fingerprint(db);
    await db.reportJob.create({ data: { id: "fingerprint-probe", ...job } });
    await expect(expectUnchanged(db, "probe", async () => null, { before: quiet })).rejects.toThrow(
      /changed tables: ReportJob/,
    );
    const started = await fingerprint(db);
    await db.reportJob.update({
      where: { id: "fingerprint-probe" },
      data: { progress: 0.5, heartbeatAt: new Date(), holder: "another-instance" },
    });
    await expectUnchanged(db, "probe", async () => null, { before: started });
    await db.reportJob.update({ where: { id: "fingerprint-probe" }, data: { fileName: "x.pdf" } });
    await expect(
      expectUnchanged(db, "probe", async () => null, { before: started }),
    ).rejects.toThrow(/changed tables: ReportJob/);
    await db.reportJob.delete({ where: { id: "fingerprint-probe" } });
    last = undefined;
  });
});
