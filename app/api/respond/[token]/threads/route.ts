import { toFieldErrors } from "@/lib/errors";
import { BodyError, readJson, withLink } from "@/lib/portal/route";
import { postVendorReply } from "@/lib/portal/threads";
import { ZThreadReply } from "@/lib/schemas/thread";

// A vendor contact's reply on a question's thread. The link is the credential and names the
// assessment; the body names only the question.
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return withLink(req, params, async (link) => {
    let raw: unknown;
    try {
      raw = await readJson(req, 16 * 1024);
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      return Response.json({ error: e.message }, { status: 400 });
    }
    const parsed = ZThreadReply.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = toFieldErrors(parsed.error);
      return Response.json(
        { error: Object.values(fieldErrors).flat().join(" "), fieldErrors },
        { status: 400 },
      );
    }
    const result = await postVendorReply({ link, ...parsed.data });
    if (result.status === "refused")
      return Response.json(
        {
          error: result.error,
          ...(result.field ? { fieldErrors: { [result.field]: [result.error] } } : {}),
        },
        { status: result.code },
      );
    return Response.json(
      { data: result.message },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  });
}
