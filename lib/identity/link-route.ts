import { actionError } from "../errors";
import { BodyError, readJson } from "../portal/route";
import { crossOriginRefused, isSameOrigin } from "../security/origin";

/**
 * A signed-out form's POST (accept an invitation, ask for or complete a password reset): only
 * from our own pages, a small JSON body, and the form's result shape back ({ data } or
 * { error, fieldErrors?, status }), as the setup route answers.
 */
export async function answerLinkForm(
  req: Request,
  run: (body: unknown) => Promise<unknown>,
): Promise<Response> {
  if (!isSameOrigin(req)) return crossOriginRefused();
  try {
    const data = await run(await readJson(req, 16 * 1024));
    return Response.json({ data });
  } catch (e) {
    if (e instanceof BodyError)
      return Response.json({ error: e.message, status: 400 }, { status: 400 });
    const result = actionError(e);
    return Response.json(result, { status: result.status });
  }
}
