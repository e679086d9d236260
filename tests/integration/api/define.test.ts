// Guards the REST API's front door against: a call without a valid token (absent, expired,
// revoked) getting in, a role doing what the permission map does not list, a token reaching
// another organisation's records, bad input corrupting data, a retried POST acting twice, a
// stale update overwriting a newer one, and one token flooding the server.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import type { TOperation } from "@/lib/api/define";
import {
  createVendorOp,
  getVendorOp,
  listVendorsOp,
  updateVendorOp,
} from "@/lib/api/operations/vendors";
import { revokeApiToken } from "@/lib/data/api-token-revoke";
import { createApiToken } from "@/lib/data/api-tokens";
import { hashToken } from "@/lib/tokens";
import { createOrgWithUsers, setupFreshDatabase } from "../db";

let prisma: Awaited<ReturnType<typeof setupFreshDatabase>>["prisma"];
let a: Awaited<ReturnType<typeof createOrgWithUsers>>;
let b: Awaited<ReturnType<typeof createOrgWithUsers>>;
let adminToken: string;
let managerToken: string;

beforeAll(async () => {
  ({ prisma } = await setupFreshDatabase());
  a = await createOrgWithUsers(prisma, "api-a");
  b = await createOrgWithUsers(prisma, "api-b");
  adminToken = await tokenFor(a.org.id, a.admin.id, "admin");
  managerToken = await tokenFor(a.org.id, a.manager.id, "manager");
});

afterEach(() => {
  delete process.env.RATE_LIMIT_API_PER_TOKEN;
});

async function tokenFor(
  orgId: string,
  actorId: string,
  role: "admin" | "manager",
  expiresOn?: string,
) {
  const { token } = await createApiToken({
    orgId,
    actorId,
    input: { name: `t-${role}`, role, expiresOn },
  });
  return token;
}

function call(
  op: TOperation,
  {
    token,
    body,
    params = {},
    headers = {},
  }: {
    token?: string;
    body?: unknown;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
) {
  const path = op.path.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? "");
  const req = new Request(`http://localhost/api/v1${path}`, {
    method: op.method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return op.handler(req, { params: Promise.resolve(params) });
}

const problemOf = async (res: Response) => {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as { status: number; detail: string; errors?: { field: string }[] };
};

describe("/api/v1 tokens", () => {
  test("401 without a token, with an unknown, an expired or a revoked one", async () => {
    const expired = await tokenFor(a.org.id, a.admin.id, "admin");
    await prisma.apiToken.update({
      where: { tokenHash: hashToken({ token: expired }) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const revoked = await tokenFor(a.org.id, a.admin.id, "admin");
    const row = await prisma.apiToken.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    await revokeApiToken({ orgId: a.org.id, actorId: a.admin.id, tokenId: row.id });
    for (const token of [undefined, `bcdr_${"x".repeat(43)}`, expired, revoked]) {
      const res = await call(listVendorsOp, { token });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await problemOf(res)).status).toBe(401);
    }
    expect((await call(listVendorsOp, { token: adminToken })).status).toBe(200);
    const used = await prisma.apiToken.findFirstOrThrow({
      where: { tokenHash: hashToken({ token: adminToken }) },
    });
    expect(used.lastUsedAt).not.toBeNull();
    // Only the hash is stored.
    expect(JSON.stringify(await prisma.apiToken.findMany())).not.toContain(adminToken);
    const audit = await prisma.auditEvent.findMany({
      where: { orgId: a.org.id, action: { startsWith: "api_token." } },
    });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["api_token.created", "api_token.revoked"]),
    );
  });

  test("403 when the role may not, before the input is read; 404 for another organisation", async () => {
    const res = await call(createVendorOp, { token: managerToken, body: { name: "" } });
    expect((await problemOf(res)).status).toBe(403);
    const other = await prisma.vendor.create({
      data: { orgId: b.org.id, name: "B's vendor", tier: "low" },
    });
    const read = await call(getVendorOp, { token: adminToken, params: { vendorId: other.id } });
    expect(read.status).toBe(404);
    const write = await call(updateVendorOp, {
      token: adminToken,
      params: { vendorId: other.id },
      body: { name: "Taken over" },
    });
    expect(write.status).toBe(404);
    expect((await prisma.vendor.findUniqueOrThrow({ where: { id: other.id } })).name).toBe(
      "B's vendor",
    );
    const list = (await (await call(listVendorsOp, { token: adminToken })).json()) as {
      data: { id: string }[];
    };
    expect(list.data.map((v) => v.id)).not.toContain(other.id);
  });

  test("400 names each refused field; nothing is written", async () => {
    const before = await prisma.vendor.count();
    const res = await call(createVendorOp, {
      token: adminToken,
      body: { name: "", tier: "huge", services: "x" },
    });
    const p = await problemOf(res);
    expect(p.status).toBe(400);
    expect(p.errors?.map((e) => e.field).sort()).toEqual(["name", "services", "tier"]);
    expect(p.detail).toMatch(/^name: Vendor name is required/);
    expect(await prisma.vendor.count()).toBe(before);
  });

  test("Idempotency-Key: a retry replays the response, another body with the key is 422", async () => {
    const headers = { "Idempotency-Key": "create-acme-1" };
    const body = { name: "Acme Idempotent", tier: "high" };
    const first = await call(createVendorOp, { token: adminToken, body, headers });
    expect(first.status).toBe(201);
    const again = await call(createVendorOp, { token: adminToken, body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await prisma.vendor.count({ where: { name: "Acme Idempotent" } })).toBe(1);
    const other = await call(createVendorOp, {
      token: adminToken,
      body: { ...body, tier: "low" },
      headers,
    });
    expect((await problemOf(other)).status).toBe(422);
    // Keys are per token: another token's same key is a new request.
    const procurementToken = await tokenFor(a.org.id, a.procurement.id, "admin");
    const theirs = await call(createVendorOp, { token: procurementToken, body, headers });
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
  });

  test("If-Match: an update naming the version read goes through, a stale one is 412", async () => {
    const created = (await (
      await call(createVendorOp, {
        token: adminToken,
        body: { name: "Versioned", tier: "low", notes: "v1" },
      })
    ).json()) as { id: string };
    const params = { vendorId: created.id };
    const read = await call(getVendorOp, { token: adminToken, params });
    const etag = read.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const ok = await call(updateVendorOp, {
      token: adminToken,
      params,
      body: { notes: "v2" },
      headers: { "If-Match": etag },
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()) as { notes: string; name: string }).toMatchObject({
      notes: "v2",
      name: "Versioned",
    });
    const stale = await call(updateVendorOp, {
      token: adminToken,
      params,
      body: { notes: "v3" },
      headers: { "If-Match": etag },
    });
    expect((await problemOf(stale)).status).toBe(412);
    expect((await prisma.vendor.findUniqueOrThrow({ where: { id: created.id } })).notes).toBe("v2");
    // The audit log names the token each write came through, not only its creator.
    const events = await prisma.auditEvent.findMany({
      where: { targetId: created.id, action: { in: ["vendor.created", "vendor.updated"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorUserId, e.actorLabel])).toEqual([
      ["vendor.created", a.admin.id, "API token t-admin"],
      ["vendor.updated", a.admin.id, "API token t-admin"],
    ]);
  });

  test("If-Match under a race: of several updates naming one version at once, exactly one goes through", async () => {
    const created = (await (
      await call(createVendorOp, { token: adminToken, body: { name: "Raced", tier: "low" } })
    ).json()) as { id: string };
    const params = { vendorId: created.id };
    const etag = (await call(getVendorOp, { token: adminToken, params })).headers.get("etag")!;
    const writers = ["w1", "w2", "w3", "w4", "w5", "w6"];
    const results = await Promise.all(
      writers.map((notes) =>
        call(updateVendorOp, {
          token: adminToken,
          params,
          body: { notes },
          headers: { "If-Match": etag },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(writers.length - 1);
    // The one that got through is what is stored, and its audit event is the only one.
    const winner = writers[statuses.indexOf(200)];
    const row = await prisma.vendor.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.notes).toBe(winner);
    expect(
      await prisma.auditEvent.count({ where: { action: "vendor.updated", targetId: created.id } }),
    ).toBe(1);
    // Its new ETag names the new version: an update naming it goes through.
    const fresh = await call(updateVendorOp, {
      token: adminToken,
      params,
      body: { notes: "after" },
      headers: { "If-Match": results[statuses.indexOf(200)]!.headers.get("etag")! },
    });
    expect(fresh.status).toBe(200);
  });

  test("each token has its own rate limit: past it, 429 with Retry-After", async () => {
    process.env.RATE_LIMIT_API_PER_TOKEN = "2";
    const token = await tokenFor(a.org.id, a.admin.id, "admin");
    expect((await call(listVendorsOp, { token })).status).toBe(200);
    expect((await call(listVendorsOp, { token })).status).toBe(200);
    const limited = await call(listVendorsOp, { token });
    expect((await problemOf(limited)).status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(listVendorsOp, { token: managerToken })).status).toBe(200);
  });
});
