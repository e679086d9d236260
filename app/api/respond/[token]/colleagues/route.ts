import { recordAudit } from "@/lib/audit";
import { issueInvitation, mailInvitation } from "@/lib/data/invitations";
import { db } from "@/lib/db";
import { toFieldErrors } from "@/lib/errors";
import { EDITABLE } from "@/lib/portal/access";
import { type BodyError, readJson, withLink } from "@/lib/portal/route";
import { ZColleague } from "@/lib/schemas/assessment";

export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return withLink(req, params, async (link) => {
    let raw: unknown;
    try {
      raw = await readJson(req, 8 * 1024);
    } catch (e) {
      return Response.json({ error: (e as BodyError).message }, { status: 400 });
    }
    const parsed = ZColleague.safeParse(raw);
    if (!parsed.success)
      return Response.json(
        { error: "Check the fields.", fieldErrors: toFieldErrors(parsed.error) },
        { status: 422 },
      );
    const assessment = await db.assessment.findUniqueOrThrow({ where: { id: link.assessmentId } });
    if (!EDITABLE.has(assessment.status))
      return Response.json({ error: "This questionnaire is already submitted." }, { status: 423 });
    const { invitation, token } = await db.$transaction(async (tx) => {
      const issued = await issueInvitation({
        tx,
        orgId: link.orgId,
        assessmentId: link.assessmentId,
        email: parsed.data.email,
        name: parsed.data.name,
        kind: "colleague",
        dueDate: assessment.dueDate,
        invitedByInvitationId: link.invitationId,
      });
      await recordAudit({
        tx,
        orgId: link.orgId,
        actor: { kind: "vendor", invitationId: link.invitationId },
        action: "invitation.sent",
        targetType: "invitation",
        targetId: issued.invitation.id,
        data: { email: parsed.data.email, kind: "colleague" },
      });
      return issued;
    });
    await mailInvitation({
      invitationId: invitation.id,
      token,
      personal: "A colleague invited you to help answer it.",
    });
    return Response.json({ data: { email: invitation.email } });
  });
}
