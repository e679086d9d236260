import { completeSetup } from "@/lib/data/setup";
import { actionError } from "@/lib/errors";
import { zAcceptablePassword } from "@/lib/identity/common-passwords";
import { BodyError, readJson } from "@/lib/portal/route";
import { ZSetup } from "@/lib/schemas/setup";
import { crossOriginRefused, isSameOrigin } from "@/lib/security/origin";

// The first admin's setup (lib/data/setup.ts): the link's token is the authorization; it works
// once. Answers the form's result shape ({ data } or { error, fieldErrors?, status }).
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  if (!isSameOrigin(req)) return crossOriginRefused();
  const { token } = await params;
  try {
    // A common password is refused here too (the list lives on the server only).
    const input = ZSetup.extend({ password: zAcceptablePassword() }).parse(
      await readJson(req, 16 * 1024),
    );
    const data = await completeSetup({ token, input });
    return Response.json({ data: { email: data.email } });
  } catch (e) {
    if (e instanceof BodyError)
      return Response.json({ error: e.message, status: 400 }, { status: 400 });
    const result = actionError(e);
    return Response.json(result, { status: result.status });
  }
}
