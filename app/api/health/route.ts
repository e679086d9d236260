// Liveness: the process answers. It never touches the database (a database outage is what
// /api/ready reports), and it is the trivial dynamic route the benchmarks compare against.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true, time: new Date().toISOString() });
}
