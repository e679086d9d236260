"use client";

import { useId, useState } from "react";
import { SubmitButton } from "@/components/ui/action-form";
import { MAX_UPLOAD_TEXT } from "@/lib/files/limits";

export type TEvidenceItem = {
  id: string;
  questionId: string | null;
  fileName: string;
  sizeBytes: number;
  evidenceDate: string | null;
};

const kb = (n: number) =>
  n < 1024 * 1024
    ? `${Math.max(1, Math.round(n / 1024))} KB`
    : `${(n / 1024 / 1024).toFixed(1)} MB`;

export function EvidenceUpload({
  token,
  questionId,
  items,
  disabled,
  onAdded,
}: {
  token: string;
  questionId: string;
  items: TEvidenceItem[];
  disabled: boolean;
  onAdded(item: TEvidenceItem): void;
}) {
  const uid = useId();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function upload(form: HTMLFormElement) {
    setError(undefined);
    const data = new FormData(form);
    if (!(data.get("file") as File | null)?.size) return setError("Choose a file first.");
    data.set("questionId", questionId);
    setBusy(true);
    try {
      const res = await fetch(`/api/respond/${token}/evidence`, { method: "POST", body: data });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) return setError(body.error ?? "The upload failed.");
      onAdded({ ...body.data, evidenceDate: body.data.evidenceDate?.slice(0, 10) ?? null });
      form.reset();
    } catch {
      setError("The upload failed: no connection. Try again when you are back online.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="mt-3 text-sm" open={items.length > 0}>
      <summary className="cursor-pointer font-medium text-indigo-800">
        Evidence ({items.length})
      </summary>
      {items.length > 0 && (
        <ul className="mt-2 space-y-1">
          {items.map((f) => (
            <li key={f.id}>
              <a
                className="text-indigo-800 underline"
                href={`/api/respond/${token}/evidence/${f.id}`}
              >
                {f.fileName}
              </a>{" "}
              <span className="text-slate-600">
                ({kb(f.sizeBytes)}
                {f.evidenceDate ? `, dated ${f.evidenceDate}` : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
      {!disabled && (
        <form
          className="mt-2 flex flex-wrap items-end gap-3"
          aria-label={`Attach evidence to ${questionId}`}
          onSubmit={(e) => {
            e.preventDefault();
            void upload(e.currentTarget);
          }}
        >
          <label className="text-xs font-medium text-slate-700" htmlFor={`${uid}-file`}>
            File (PDF, image, Word, Excel, CSV or text; up to {MAX_UPLOAD_TEXT})
            <input
              id={`${uid}-file`}
              name="file"
              type="file"
              className="mt-1 block text-sm"
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.csv,.txt"
            />
          </label>
          <label className="text-xs font-medium text-slate-700" htmlFor={`${uid}-date`}>
            Date of the evidence
            <input
              id={`${uid}-date`}
              name="evidenceDate"
              type="date"
              className="mt-1 block rounded-md px-2 py-1 ring-1 ring-slate-300"
            />
          </label>
          <SubmitButton
            plain
            pending={busy}
            pendingLabel="Uploading…"
            className="rounded-md px-3 py-1.5 font-semibold text-indigo-800 ring-1 ring-indigo-300 hover:bg-indigo-50"
          >
            Upload
          </SubmitButton>
          {error && (
            <p className="w-full text-red-700" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </details>
  );
}
