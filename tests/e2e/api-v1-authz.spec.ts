// Guards against broken access control in the REST API: a call without a valid API token (none,
// expired, revoked) getting in, a token's role doing what lib/permissions.ts does not list,
// a token reaching another organisation's records, a cross-site page using it, and a refused
// call changing data. Every /api/v1 operation of the published OpenAPI document (which a unit
// test holds equal to the route handlers) is called over real HTTP with a token of every role of organisation
// A, and with no, an expired and a revoked token, against A's own record and B's; what each
// call should get is derived from the permission map. Refused calls leave both organisations'
// rows unchanged; allowed ones leave the other organisation's rows unchanged.
import crypto from "node:crypto";
import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import { can, ROLES, type TPermission, type TRole } from "@/lib/permissions";
import { hashToken } from "@/lib/tokens";
import { orgFingerprint } from "./authz/db-fingerprint";
import { PUBLIC } from "./authz/registry";
import {
  isoDay,
  QUESTIONNAIRE,
  type TOrgWorld,
  type TRecord,
  type TRecordKind,
  type TUserRec,
  World,
} from "./authz/world";
import { appDatabase, expect, type TDb, test } from "./fixtures";

type TCaller = { label: string; role: TRole | null; token: string | null };

/** An operation as GET /api/v1/openapi.json describes it. */
type TOperation = {
  id: string;
  method: string;
  path: string;
  permission: TPermission;
  status: number;
  mediaType: string;
  hasBody: boolean;
};

type TDocOperation = {
  operationId: string;
  "x-permission": TPermission;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown> }>;
};

async function readOperations(request: APIRequestContext): Promise<TOperation[]> {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as { paths: Record<string, Record<string, TDocOperation>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const [status, success] = Object.entries(op.responses).find(([code]) => /^2/.test(code))!;
      return {
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        permission: op["x-permission"],
        status: Number(status),
        mediaType: Object.keys(success.content ?? {})[0] ?? "",
        hasBody: op.requestBody !== undefined,
      };
    }),
  );
}

const routeFile = (op: TOperation) => `app/api/v1${op.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;

/** The record an operation names (by its path, or its body for a new assessment). */
function recordKind(op: TOperation): TRecordKind | null {
  if (op.id === "decideAssessment") return "submitted";
  if (op.id === "createAssessment") return "vendor";
  const param = /\{(\w+)\}/.exec(op.path)?.[1];
  const kinds: Record<string, TRecordKind> = {
    vendorId: "vendor",
    assessmentId: "assessment",
    invitationId: "invitation",
    findingId: "finding",
  };
  return param ? kinds[param]! : null;
}

/** A valid body for each operation that takes one. */
const BODIES: Record<string, (r: TRecord | null, n: number) => unknown> = {
  createVendor: (_r, n) => ({ name: `API matrix vendor ${n}`, tier: "low" }),
  updateVendor: () => ({ notes: "Edited through the API matrix." }),
  addVendorContact: (_r, n) => ({ name: "API Contact", email: `api-${n}@vendor.example` }),
  createAssessment: (r, n) => ({
    vendorId: r!.id,
    questionnaire: QUESTIONNAIRE,
    requirements: { tier: "moderate" },
    dueDate: isoDay(90),
    contactEmail: `api-send-${n}@vendor.example`,
    confirmSecondOpen: true,
  }),
  cancelAssessment: () => ({ reason: "The contract was not renewed." }),
  decideAssessment: () => ({ decision: "accept" }),
  createFinding: (_r, n) => ({ title: `API finding ${n}`, description: "", severity: "low" }),
  updateFindingStatus: () => ({ status: "in_progress" }),
};

function expected(op: TOperation, caller: TCaller, side: "own" | "other"): number {
  if (!caller.role) return 401;
  if (!can({ role: caller.role, permission: op.permission })) return 403;
  if (recordKind(op) && side === "other") return 404;
  return op.status;
}

const withoutTokens = (m: Map<string, string>) => {
  // The token's last-used time is the one thing a refused call may write.
  m.delete("ApiToken");
  return m;
};

test("every /api/v1 route handler is an operation of the matrix", async ({ request }) => {
  const operations = await readOperations(request);
  const bearer = PUBLIC.filter((e) => e.kind === "bearer").map((e) => `${e.method} ${e.file}`);
  expect(bearer.length).toBeGreaterThan(20);
  expect(bearer.sort()).toEqual(operations.map((op) => `${op.method} ${routeFile(op)}`).sort());
  for (const op of operations)
    if (op.hasBody) expect(BODIES[op.id], `a body for ${op.id}`).toBeDefined();
});

test.describe("REST API authorization matrix", () => {
  let db: TDb;
  let world: World;
  let api: APIRequestContext;
  const callers: TCaller[] = [];
  let n = 0;

  async function insertToken(org: TOrgWorld, user: TUserRec, extra: object = {}) {
    const token = `bcdr_${crypto.randomBytes(32).toString("base64url")}`;
    await db.apiToken.create({
      data: {
        orgId: org.id,
        name: `matrix ${user.role} ${++n}`,
        role: user.role,
        createdById: user.id,
        tokenHash: hashToken({ token }),
        ...extra,
      },
    });
    return token;
  }

  test.beforeAll(async ({ browser, baseURL }, testInfo) => {
    testInfo.setTimeout(240_000);
    db = appDatabase();
    world = new World(db, baseURL!);
    await world.build(browser);
    api = await playwrightRequest.newContext({ baseURL });
    const a = world.orgs.A;
    for (const role of ROLES)
      callers.push({ label: role, role, token: await insertToken(a, a.users[role]) });
    const admin = a.users.admin;
    callers.push(
      { label: "no token", role: null, token: null },
      {
        label: "expired token",
        role: null,
        token: await insertToken(a, admin, { expiresAt: new Date(Date.now() - 60_000) }),
      },
      {
        label: "revoked token",
        role: null,
        token: await insertToken(a, admin, { revokedAt: new Date() }),
      },
    );
  });

  test.afterAll(async () => {
    await api?.dispose();
    await world?.dispose();
    await db?.$disconnect();
  });

  test("every operation × token role × own/other organisation × no/expired/revoked token", async ({
    request,
  }) => {
    test.setTimeout(900_000);
    const bad: string[] = [];
    for (const op of await readOperations(request)) {
      const a = world.orgs.A;
      const b = world.orgs.B;
      for (const caller of callers)
        for (const side of ["own", "other"] as const) {
          const target = side === "own" ? a : b;
          const want = expected(op, caller, side);
          const kind = recordKind(op);
          const actor = caller.role ? a.users[caller.role] : null;
          const changes = op.method !== "GET";
          const r = kind
            ? want < 400 && changes
              ? await world.fresh(kind, target, actor)
              : world.record(kind, target, actor)
            : null;
          const url = `/api/v1${op.path.replace(/\{\w+\}/, r?.id ?? "")}`;
          const body = BODIES[op.id]?.(r, ++n);
          const beforeOwn = withoutTokens(await orgFingerprint(db, a.id));
          const beforeOther = withoutTokens(await orgFingerprint(db, b.id));
          const res = await api.fetch(url, {
            method: op.method,
            headers: {
              ...(caller.token ? { Authorization: `Bearer ${caller.token}` } : {}),
              // A page of another site: the token, not the origin, is what counts.
              Origin: "https://elsewhere.example",
            },
            ...(body === undefined ? {} : { data: body }),
            maxRedirects: 0,
          });
          const text = (await res.body()).toString("utf8");
          const where = `${op.method} ${op.path} ${caller.label} → ${side}`;
          if (res.status() !== want)
            bad.push(`${where}: want ${want}, got ${res.status()} ${text.slice(0, 200)}`);
          const type = res.headers()["content-type"] ?? "";
          if (want >= 400 && type !== "application/problem+json")
            bad.push(`${where}: problem+json, got ${type}`);
          if (want < 400 && !type.startsWith(op.mediaType))
            bad.push(`${where}: ${op.mediaType}, got ${type}`);
          if (want >= 400 && r && text.includes(r.marker))
            bad.push(`${where}: reveals ${r.marker}`);
          if (want === 200 && op.id === "listVendors") {
            if (!text.includes(a.records.vendor.id)) bad.push(`${where}: lists its own vendor`);
            if (text.includes(b.records.vendor.id)) bad.push(`${where}: lists B's vendor`);
          }
          const afterOther = withoutTokens(await orgFingerprint(db, b.id));
          if (JSON.stringify([...afterOther]) !== JSON.stringify([...beforeOther]))
            bad.push(`${where}: organisation B's rows changed`);
          if (want >= 400) {
            const afterOwn = withoutTokens(await orgFingerprint(db, a.id));
            if (JSON.stringify([...afterOwn]) !== JSON.stringify([...beforeOwn]))
              bad.push(`${where}: a refused call changed organisation A's rows`);
          }
        }
    }
    expect(bad).toEqual([]);
  });
});
