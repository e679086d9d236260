// Public liveness check; also the trivial dynamic route benchmarks compare against.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true, time: new Date().toISOString() });
}
