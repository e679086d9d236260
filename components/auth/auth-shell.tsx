import type { ReactNode } from "react";

/** The signed-out pages' frame (sign-in, first setup): the product's name, a heading, a card. */
export function AuthShell({
  title,
  intro,
  width = "max-w-sm",
  children,
}: {
  title: string;
  intro: string;
  width?: "max-w-sm" | "max-w-md";
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-100 to-indigo-50 px-4">
      <div className={`w-full ${width}`}>
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-widest text-indigo-700">
            Resilience Ledger
          </p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">{title}</h1>
          <p className="mt-1 text-sm text-slate-600">{intro}</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</div>
      </div>
    </main>
  );
}
