import { withLink } from "@/lib/portal/route";
import { submitAssessment } from "@/lib/portal/submit";

export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return withLink(req, params, async (link) => {
    const result = await submitAssessment({
      invitationId: link.invitationId,
      assessmentId: link.assessmentId,
    });
    return Response.json(result, { status: result.status === "incomplete" ? 422 : 200 });
  });
}
