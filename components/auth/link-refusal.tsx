import Link from "next/link";

/** Why a mailed link cannot be used, and the way to sign in. */
export function LinkRefusal({ message }: { message: string }) {
  return (
    <div className="space-y-3 text-sm text-slate-800">
      <p role="alert">{message}</p>
      <p>
        <Link className="text-indigo-700 underline" href="/login">
          Go to sign in
        </Link>
      </p>
    </div>
  );
}
