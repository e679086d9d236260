import { ColleagueLimitError, inviteColleague } from "@/lib/data/colleagues";
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
    try {
      const invitation = await inviteColleague({
        link,
        email: parsed.data.email,
        name: parsed.data.name,
        dueDate: assessment.dueDate,
      });
      return Response.json({ data: { email: invitation.email } });
    } catch (e) {
      if (!(e instanceof ColleagueLimitError)) throw e;
      const headers = e.retryAfterSeconds
        ? { "Retry-After": String(e.retryAfterSeconds) }
        : undefined;
      return Response.json({ error: e.message }, { status: e.status, headers });
    }
  });
}
