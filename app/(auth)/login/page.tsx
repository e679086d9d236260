import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { LoginForm } from "@/components/auth/login-form";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { getSessionUser } from "@/lib/authz";
import { getEnv } from "@/lib/env";
import { isOidcConfigured, oidcDisplayName } from "@/lib/identity/oidc-config";
import { signInErrorMessage } from "@/lib/identity/sign-in-messages";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await getSessionUser()) redirect("/dashboard");
  const { error } = await searchParams;
  const env = getEnv();
  return (
    <AuthShell title="Sign in" intro="Vendor BC/DR due diligence for procurement and risk teams.">
      <LoginForm initialError={signInErrorMessage(typeof error === "string" ? error : undefined)} />
      {isOidcConfigured(env) && <SsoSignIn name={oidcDisplayName(env)} />}
    </AuthShell>
  );
}
