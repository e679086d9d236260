"use client";

import { FileImportField, useFileImport } from "@/components/ui/file-import";
import { FormMessage } from "@/components/ui/form-message";

/**
 * Portable answers (issue 22): download the answers given here as a file, or bring in a file from
 * another customer's questionnaire. Imported answers wait for the vendor's confirmation, and an
 * answer already given here is never replaced.
 */
export function PortableAnswers({ token, canImport }: { token: string; canImport: boolean }) {
  const { input, message, setMessage, busy, request, imported } = useFileImport<never>();

  async function importFile(file: File) {
    setMessage(undefined);
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      return setMessage({
        text: `${file.name} is not a portable answers file (it is not JSON).`,
        ok: false,
      });
    }
    await request(async () => {
      const res = await fetch(`/api/respond/${token}/portable`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const result = await res.json().catch(() => ({}));
      if (!res.ok) return setMessage({ text: result.error ?? "The import failed.", ok: false });
      const { carried, kept, dropped } = result as Record<"carried" | "kept" | "dropped", string[]>;
      // The imported answers are shown (marked) when the page reads them again.
      imported(
        `${carried.length} answer${carried.length === 1 ? "" : "s"} imported: confirm or change each below. ${kept.length} already answered here and left as they are; ${dropped.length} not used by this questionnaire. Evidence files are not carried: attach them again.`,
        1500,
      );
    });
    if (input.current) input.current.value = ""; // the same file can be picked again
  }

  return (
    <section aria-labelledby="portable-heading" className="mb-8 max-w-3xl text-sm text-slate-700">
      <h2 id="portable-heading" className="font-semibold text-slate-900">
        Answers you can take along
      </h2>
      <p className="mt-1">
        <a className="text-indigo-800 underline" href={`/api/respond/${token}/portable`} download>
          Download your answers as a file
        </a>{" "}
        (no requirements or other details of this customer) to bring them into another customer's
        questionnaire of the same kind.
      </p>
      {canImport && (
        <FileImportField
          label={
            <>
              <span className="font-medium text-slate-800">Import answers from a file</span>{" "}
              <span className="text-slate-600">
                (each imported answer waits for you to confirm it; answers you gave here are kept)
              </span>
            </>
          }
          accept="application/json,.json"
          busy={busy}
          inputRef={input}
          onFile={(file) => file && void importFile(file)}
        />
      )}
      <FormMessage message={message} className="mt-2" />
    </section>
  );
}
