// The published API description must be a valid OpenAPI 3.1 document listing every /api/v1
// operation the app serves, so a client generated from it can call all of them.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, test } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { OPERATIONS } from "@/lib/api/operations";
import { discoverEndpoints } from "../../e2e/authz/inventory";

const doc = buildOpenApiDocument() as {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId: string; responses: Record<string, unknown> }>
  >;
  components: { schemas: Record<string, unknown> };
};

describe("GET /api/v1/openapi.json", () => {
  test("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  test("lists every route handler method under app/api/v1 as an operation", () => {
    const served = discoverEndpoints()
      .routes.filter((r) => r.includes(" app/api/v1/") && !r.endsWith("openapi.json/route.ts"))
      .map((r) => {
        const [method, file] = r.split(" ");
        const path = file!
          .replace(/^app\/api\/v1/, "")
          .replace(/\/route\.ts$/, "")
          .replace(/\[(\w+)\]/g, "{$1}");
        return `${method} ${path}`;
      })
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(served);
    expect(documented).toHaveLength(OPERATIONS.length);
    expect(new Set(OPERATIONS.map((o) => o.id)).size).toBe(OPERATIONS.length);
  });

  test("request and response bodies come from the canonical schemas, as components", () => {
    const create = doc.paths["/vendors"]?.post as unknown as {
      requestBody: { content: { "application/json": { schema: { $ref: string } } } };
    };
    expect(create.requestBody.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/VendorWrite",
    );
    expect(doc.components.schemas).toHaveProperty("Vendor");
    expect(doc.components.schemas).toHaveProperty("AssessmentCreate");
    expect(doc.paths["/vendors"]?.get?.responses).toHaveProperty("401");
  });
});
