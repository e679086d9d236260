import { BodyError, readJson, withLink } from "@/lib/portal/route";
import { saveAnswer } from "@/lib/portal/save-answer";

// The request is checked once, by saveAnswer, with the schema the portal's browser builds it
// from (lib/schemas/answer-save.ts).
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return withLink(req, params, async (link) => {
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      return Response.json(
        {
          status: "invalid",
          errors: [{ path: "body", expected: "a valid save request", found: e.message }],
        },
        { status: 400 },
      );
    }
    const fields = body && typeof body === "object" && !Array.isArray(body) ? body : {};
    const result = await saveAnswer({
      ...fields,
      invitationId: link.invitationId,
      assessmentId: link.assessmentId,
      assessment: link.assessment,
    });
    const status = { saved: 200, conflict: 409, invalid: 422, locked: 423 }[result.status];
    return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
  });
}
