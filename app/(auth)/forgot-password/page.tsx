import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthShell
      title="Forgot your password?"
      intro="Enter the email you sign in with; we will mail you a link to choose a new password."
    >
      <ForgotPasswordForm />
      <p className="mt-4 text-center text-sm">
        <Link className="text-indigo-700 underline" href="/login">
          Back to sign in
        </Link>
      </p>
    </AuthShell>
  );
}
