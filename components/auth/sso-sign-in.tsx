"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { OIDC_PROVIDER_ID } from "@/lib/identity/oidc-config";
import { startSingleSignOn } from "@/lib/identity/sign-in-client";

/** "Sign in with <provider>": next-auth starts the OpenID Connect round trip (PKCE, state, nonce). */
export function SsoSignIn({ name }: { name: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="mt-6 border-t border-slate-200 pt-6">
      <Button
        variant="secondary"
        className="w-full"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void startSingleSignOn(OIDC_PROVIDER_ID, "/dashboard");
        }}
      >
        {pending ? "Opening your identity provider…" : `Sign in with ${name}`}
      </Button>
    </div>
  );
}
