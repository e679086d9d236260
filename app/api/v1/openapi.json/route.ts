import { buildOpenApiDocument } from "@/lib/api/openapi";

// The API's description is public, like any published API reference: it names no record.
export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "no-cache" } });
}
