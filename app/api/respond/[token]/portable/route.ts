import { exportPortableAnswers, importPortableAnswers } from "@/lib/portal/portable-answers";
import { BodyError, readJson, withLink } from "@/lib/portal/route";

export const dynamic = "force-dynamic";

// Portable answers (issue 22): GET downloads the link's confirmed answers as a portable file;
// POST imports such a file (from another customer's questionnaire) awaiting confirmation.
// The link is the credential and names the assessment.

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return withLink(req, params, async (link) => {
    const file = await exportPortableAnswers({ assessmentId: link.assessmentId });
    return new Response(`${JSON.stringify(file, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${file.questionnaire}-${file.version}-answers.json"`,
        "cache-control": "no-store",
      },
    });
  });
}

export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return withLink(req, params, async (link) => {
    let raw: unknown;
    try {
      raw = await readJson(req, 1024 * 1024);
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      return Response.json({ error: e.message }, { status: 400 });
    }
    const result = await importPortableAnswers({
      invitationId: link.invitationId,
      assessmentId: link.assessmentId,
      input: raw,
    });
    if (result.status === "invalid")
      return Response.json(
        { error: result.error, fieldErrors: { [result.field]: [result.error] } },
        { status: 400 },
      );
    if (result.status === "refused") return Response.json({ error: result.error }, { status: 409 });
    return Response.json(result);
  });
}
