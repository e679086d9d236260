import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-10 text-center">
      <h1 className="text-2xl font-semibold">Not available for your role</h1>
      <p className="mt-2 text-slate-600">
        Your role does not give access to this page. Ask an administrator if you need it.
      </p>
      <Link href="/dashboard" className="mt-6 inline-block font-semibold text-indigo-700 underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
