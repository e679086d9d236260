import type { Metadata } from "next";
import { ApiReference } from "@/components/api/api-reference";
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API reference" };

// Public like GET /api/v1/openapi.json, which it renders: it describes the API, no record.
export default function ApiDocsPage() {
  return (
    <main className="mx-auto max-w-6xl bg-white p-4">
      <h1 className="text-2xl font-semibold">API reference</h1>
      <p className="mt-1 text-sm text-slate-700">
        The REST API under /api/v1, from its OpenAPI 3.1 document (
        <a className="underline" href="/api/v1/openapi.json">
          openapi.json
        </a>
        ). Create a token under Settings → API tokens.
      </p>
      <ApiReference spec={buildOpenApiDocument()} />
    </main>
  );
}
