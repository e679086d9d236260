import { after } from "next/server";
import { requestPasswordReset } from "@/lib/data/password-reset";
import { answerLinkForm } from "@/lib/identity/link-route";
import { ZForgotPassword } from "@/lib/schemas/identity";
import { getClientIp } from "@/lib/security/client-address";
import { hitResetRequestLimit, tooManyRequests } from "@/lib/security/rate-limit";

// "Forgot password?": the same answer, as fast, whether the address has an account or not. The
// look-up and the mail run after the answer has gone (next/server's after()), so neither the
// words nor the time tell. Counted per address and per source, so nobody floods a mailbox.
export async function POST(req: Request) {
  const ip = getClientIp(req);
  let wait: number | null = null;
  const res = await answerLinkForm(req, async (body) => {
    const { email } = ZForgotPassword.parse(body);
    wait = await hitResetRequestLimit({ email, ip });
    if (wait === null) after(() => requestPasswordReset({ email, ip }));
    return { sent: true };
  });
  return wait === null ? res : tooManyRequests({ retryAfterSeconds: wait });
}
