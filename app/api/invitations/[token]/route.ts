import { acceptInvitation } from "@/lib/data/user-invitations";
import { zAcceptablePassword } from "@/lib/identity/common-passwords";
import { answerLinkForm } from "@/lib/identity/link-route";
import { ZChoosePassword } from "@/lib/schemas/identity";

// An invitee chooses their password (lib/data/user-invitations.ts): the link's token is the
// authorization; it works once.
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return answerLinkForm(req, async (body) => {
    const { password } = ZChoosePassword.extend({ password: zAcceptablePassword() }).parse(body);
    const user = await acceptInvitation({ token, password });
    return { email: user.email };
  });
}
