import { recordAudit } from "@/lib/audit";
import { withApiUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { evidenceResponse } from "@/lib/portal/evidence";

export async function GET(
  _req: Request,
  { params }: { params: Promise<{ assessmentId: string; evidenceId: string }> },
) {
  const { assessmentId, evidenceId } = await params;
  return withApiUser("evidence:read", async (user) => {
    // Scoped by organisation: another organisation's file answers 404.
    const ev = await db.evidenceFile.findFirst({
      where: { id: evidenceId, assessmentId, orgId: user.orgId, deletedAt: null },
    });
    if (!ev) return Response.json({ error: "Not found" }, { status: 404 });
    await recordAudit({
      orgId: user.orgId,
      actor: { kind: "user", userId: user.id },
      action: "evidence.downloaded",
      targetType: "evidence",
      targetId: ev.id,
      data: { fileName: ev.fileName },
    });
    return evidenceResponse(ev);
  });
}
