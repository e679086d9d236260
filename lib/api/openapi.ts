import { z } from "zod";
import type { TOperation } from "./define";
import { OPERATIONS } from "./operations";
import { PROBLEM_TYPE } from "./problem";

// The OpenAPI 3.1 document of /api/v1, generated from the operations and their canonical zod
// schemas with zod's own JSON Schema output (draft 2020-12, which OpenAPI 3.1 uses): schemas
// with an id (`.meta({ id })`) become components, referenced from every operation that uses them.

type TJson = Record<string, unknown>;

const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    errors: z
      .array(z.object({ field: z.string(), pointer: z.string(), message: z.string() }))
      .optional()
      .describe("The fields that were refused, each with why"),
  })
  .meta({ id: "Problem", description: "An error (RFC 9457 problem details)" });

const PROBLEMS: Record<number, string> = {
  400: "A field or the query is not valid: `errors` names each",
  401: "No token, or a token that is unknown, expired or revoked",
  403: "The token's role does not allow this",
  404: "No such record in the token's organisation",
  409: "The record's state does not allow this",
  412: "If-Match names an older version of the record",
  415: "The body is not JSON",
  422: "The Idempotency-Key was used with another request",
  429: "Too many requests with this token (Retry-After says when to retry)",
};

function problemsOf(op: TOperation): number[] {
  const codes = [401, 403, 429];
  if (op.body || op.query) codes.push(400);
  if (op.body) codes.push(415);
  if (op.path.includes("{")) codes.push(404);
  if (op.method !== "GET") codes.push(409);
  if (op.ifMatch) codes.push(412);
  if (op.method === "POST") codes.push(422);
  return codes.sort();
}

export function buildOpenApiDocument(): TJson {
  const components: Record<string, unknown> = {};
  const convert = (schema: z.ZodType, io: "input" | "output"): TJson => {
    const js = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
    }) as TJson;
    const defs = (js.$defs ?? {}) as Record<string, unknown>;
    delete js.$defs;
    delete js.$schema;
    const fix = (v: unknown) =>
      JSON.parse(JSON.stringify(v).replaceAll('"#/$defs/', '"#/components/schemas/')) as TJson;
    for (const [id, def] of Object.entries(defs)) components[id] ??= fix(def);
    return fix(js);
  };
  const problemRef = convert(ZProblem, "output");

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters: unknown[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    if (op.query) {
      const q = convert(op.query, "input") as { properties?: TJson; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {}))
        parameters.push({ name, in: "query", required: !!q.required?.includes(name), schema });
    }
    if (op.ifMatch)
      parameters.push({
        name: "If-Match",
        in: "header",
        required: false,
        description: "The ETag of the version read; a stale one answers 412",
        schema: { type: "string" },
      });
    if (op.method === "POST")
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description: "Repeat the request with the same key to get the same response once",
        schema: { type: "string", maxLength: 255 },
      });
    const success = op.response.mediaType
      ? {
          [op.response.mediaType]: {
            schema: { type: "string", contentMediaType: op.response.mediaType },
          },
        }
      : { "application/json": { schema: convert(op.response.schema ?? z.object({}), "output") } };
    const responses: Record<string, unknown> = {
      [op.response.status]: { description: op.response.description ?? "Success", content: success },
    };
    for (const code of problemsOf(op))
      responses[code] = {
        description: PROBLEMS[code],
        content: { [PROBLEM_TYPE]: { schema: problemRef } },
      };
    paths[`${op.path}`] ??= {};
    paths[op.path]![op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      tags: [op.tag],
      "x-permission": op.permission,
      parameters,
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: convert(op.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "BC/DR due diligence API",
      version: "1.0.0",
      description:
        "Vendors, assessments, answers, flags, findings, reports and the audit log. Authenticate with an API token (Settings → API tokens) as `Authorization: Bearer <token>`; the token's role decides what it may call, as in the web app.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
    },
  };
}
