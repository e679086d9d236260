import type { z } from "zod";
import { authenticateApiToken, type TApiCaller } from "../data/api-tokens";
import { ConflictError, NotFoundError, PreconditionError } from "../errors";
import { can, type TPermission } from "../permissions";
import { zId } from "../schemas/common";
import { hitRateLimit, rateLimits } from "../security/rate-limit";
import { requestHash, withIdempotency } from "./idempotency";
import { invalid, problem } from "./problem";

// The one wrapper of every /api/v1 operation, in the web app's order (lib/actions/define.ts):
// bearer token → rate limit → permission from the same map (lib/permissions.ts) → path ids →
// query/body (canonical zod schemas) → Idempotency-Key (POST) → handler → problem+json.

export type TMethod = "GET" | "POST" | "PATCH";

export type TOperationCtx<Q, B> = {
  caller: TApiCaller;
  params: Record<string, string>;
  query: Q;
  body: B;
  req: Request;
};

export type TOperationSpec<Q extends z.ZodType, B extends z.ZodType> = {
  id: string;
  method: TMethod;
  /** OpenAPI path template, e.g. /vendors/{vendorId}. */
  path: string;
  summary: string;
  tag: string;
  permission: TPermission;
  query?: Q;
  body?: B;
  /** The success response: a JSON schema, or a file of this media type. */
  response: { status: number; schema?: z.ZodType; mediaType?: string; description?: string };
  /** The If-Match header is read (updates). */
  ifMatch?: boolean;
  run: (ctx: TOperationCtx<z.output<Q>, z.output<B>>) => Promise<Response>;
};

export type TOperation = TOperationSpec<z.ZodType, z.ZodType> & {
  handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
};

const ZPathId = zId("id");

function bearer(req: Request): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "");
  return m?.[1] ?? null;
}

const UNAUTHORIZED = { "WWW-Authenticate": 'Bearer realm="api"' };

async function readJson(
  req: Request,
): Promise<{ ok: true; value: unknown; raw: string } | { ok: false; res: Response }> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type))
    return { ok: false, res: problem(415, "Send the body as application/json") };
  const raw = await req.text();
  try {
    return { ok: true, value: JSON.parse(raw), raw };
  } catch {
    return {
      ok: false,
      res: problem(400, "The body is not valid JSON", {
        errors: [{ field: "body", pointer: "", message: "not valid JSON" }],
      }),
    };
  }
}

function failure(e: unknown): Response {
  if (e instanceof NotFoundError) return problem(404, e.message);
  if (e instanceof PreconditionError) return problem(412, e.message);
  if (e instanceof ConflictError)
    return problem(409, e.message, {
      errors: e.field
        ? [{ field: e.field, pointer: `/${e.field}`, message: e.message }]
        : undefined,
    });
  throw e;
}

export function defineOperation<Q extends z.ZodType = z.ZodNever, B extends z.ZodType = z.ZodNever>(
  spec: TOperationSpec<Q, B>,
): TOperation {
  const handler = async (req: Request, ctx: { params: Promise<Record<string, string>> }) => {
    const token = bearer(req);
    if (!token)
      return problem(401, "Send an API token as Authorization: Bearer <token>", {
        headers: UNAUTHORIZED,
      });
    const caller = await authenticateApiToken({ token });
    if (!caller)
      return problem(401, "The API token is not valid: unknown, expired or revoked", {
        headers: UNAUTHORIZED,
      });
    const limits = rateLimits();
    const hit = await hitRateLimit({
      key: `api:token:${caller.tokenId}`,
      limit: limits.apiPerToken,
      windowSeconds: limits.apiWindowSeconds,
    });
    if (!hit.allowed)
      return problem(429, "Too many requests with this token; wait and retry", {
        headers: { "Retry-After": String(hit.retryAfterSeconds) },
      });
    if (!can({ role: caller.role, permission: spec.permission }))
      return problem(403, "The token's role does not allow this.");
    // Next passes no params to a route without dynamic segments.
    const params = (await ctx?.params) ?? {};
    // A malformed id can name no record: the same answer as another organisation's.
    for (const value of Object.values(params))
      if (!ZPathId.safeParse(value).success) return problem(404, "Not found");
    let query: unknown;
    if (spec.query) {
      const parsed = spec.query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
      if (!parsed.success) return invalid(parsed.error, "query");
      query = parsed.data;
    }
    let body: unknown;
    let raw = "";
    if (spec.body) {
      const read = await readJson(req);
      if (!read.ok) return read.res;
      raw = read.raw;
      const parsed = spec.body.safeParse(read.value);
      if (!parsed.success) return invalid(parsed.error, "body");
      body = parsed.data;
    }
    const run = () =>
      spec
        .run({ caller, params, query: query as z.output<Q>, body: body as z.output<B>, req })
        .catch(failure);
    const key = req.headers.get("idempotency-key");
    if (spec.method !== "POST" || key === null) return run();
    const path = new URL(req.url).pathname;
    return withIdempotency({
      tokenId: caller.tokenId,
      key,
      hash: requestHash({ method: spec.method, path, body: raw }),
      run,
    });
  };
  return { ...(spec as unknown as TOperationSpec<z.ZodType, z.ZodType>), handler };
}

/** A JSON response (200 unless told), with an ETag when the record has a version. */
export function json(
  data: unknown,
  { status = 200, etag, location }: { status?: number; etag?: string; location?: string } = {},
) {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (etag) headers.ETag = etag;
  if (location) headers.Location = location;
  return Response.json(data, { status, headers });
}

/** A record's version for ETag/If-Match: its last update time. */
export const etagOf = (updatedAt: Date) => `"${updatedAt.getTime().toString(36)}"`;

/**
 * Refuses an update whose If-Match names another version (412). Returns the version to write
 * on — pass it to the data function, whose conditional write refuses it too if another writer
 * got in meanwhile — or undefined when no If-Match (or `*`) was given: no check.
 */
export function checkIfMatch(req: Request, updatedAt: Date): Date | undefined {
  const ifMatch = req.headers.get("if-match");
  if (ifMatch === null || ifMatch.trim() === "*") return undefined;
  const tags = ifMatch.split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (!tags.includes(etagOf(updatedAt))) throw new PreconditionError();
  return updatedAt;
}
