"use client";

import { useId } from "react";

/** A signing secret, shown once after it was made: it cannot be read again from the page. */
export function SecretOnce({ title, secret }: { title: string; secret: string }) {
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200"
    >
      <h3 id={`${id}-heading`} className="font-semibold">
        {title}
      </h3>
      <p>Copy the signing secret now: it is shown only once. Receivers verify each call with it.</p>
      <label htmlFor={`${id}-secret`} className="mt-2 block font-medium">
        Signing secret
      </label>
      <input
        id={`${id}-secret`}
        readOnly
        value={secret}
        className="mt-1 w-full rounded-md border-0 bg-white px-2 py-1 font-mono text-xs ring-1 ring-slate-300"
        onFocus={(e) => e.currentTarget.select()}
      />
    </section>
  );
}
