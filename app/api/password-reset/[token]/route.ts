import { completePasswordReset } from "@/lib/data/password-reset";
import { zAcceptablePassword } from "@/lib/identity/common-passwords";
import { answerLinkForm } from "@/lib/identity/link-route";
import { ZChoosePassword } from "@/lib/schemas/identity";
import { getClientIp } from "@/lib/security/client-address";

// A new password from a mailed reset link (lib/data/password-reset.ts): the token is the
// authorization; it works once and ends every session of the user.
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return answerLinkForm(req, async (body) => {
    const { password } = ZChoosePassword.extend({ password: zAcceptablePassword() }).parse(body);
    const { email } = await completePasswordReset({ token, password, ip: getClientIp(req) });
    return { email };
  });
}
