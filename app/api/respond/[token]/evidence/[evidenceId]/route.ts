import { db } from "@/lib/db";
import { evidenceResponse } from "@/lib/portal/evidence";
import { withLink } from "@/lib/portal/route";

export async function GET(
  req: Request,
  { params }: { params: Promise<{ token: string; evidenceId: string }> },
) {
  const { evidenceId } = await params;
  return withLink(req, params, async (link) => {
    const ev = await db.evidenceFile.findFirst({
      where: { id: evidenceId, assessmentId: link.assessmentId, deletedAt: null },
    });
    if (!ev) return Response.json({ error: "Not found" }, { status: 404 });
    return evidenceResponse(ev);
  });
}
