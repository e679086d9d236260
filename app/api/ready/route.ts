import { checkReadiness } from "@/lib/ops/readiness";
import { isDraining } from "@/lib/ops/shutdown";

// Readiness for a load balancer: 200 when the database answers, its migrations are current
// and the last backup did not fail; otherwise 503 naming what failed. Public (no session),
// like /api/health, and says nothing an outsider could use: no hosts, paths or error texts.
export const dynamic = "force-dynamic";

export async function GET() {
  // Stopping (SIGTERM): the balancer should send new requests elsewhere.
  if (isDraining())
    return Response.json(
      { ready: false, draining: true },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  const r = await checkReadiness();
  return Response.json(r, {
    status: r.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
