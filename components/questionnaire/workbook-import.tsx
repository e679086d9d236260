"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FileImportField, useFileImport } from "@/components/ui/file-import";
import { FormMessage } from "@/components/ui/form-message";
import { Table } from "@/components/ui/table";
import type { TWorkbookChange, TWorkbookProblem } from "@/lib/spreadsheets/import-preview";

type TPreview = { digest: string; changes: TWorkbookChange[] };

/** Where a problem is, in the words the workbook shows: sheet, row, question. */
const placeOf = (p: TWorkbookProblem) =>
  [p.sheet && `Sheet “${p.sheet}”`, p.row && `row ${p.row}`, p.question].filter(Boolean).join(", ");

/**
 * Upload a filled offline workbook (issue 22): the server previews what it would change and
 * lists every problem; nothing is saved until Import is pressed, and then exactly the preview
 * (an answer saved meanwhile makes a new preview instead). `endpoint` takes the file (POST).
 */
export function WorkbookImport({
  endpoint,
  note,
  idPrefix = "workbook",
}: {
  endpoint: string;
  /** What happens to imported answers, said before the vendor or officer picks a file. */
  note: string;
  idPrefix?: string;
}) {
  const { input, heading, file, setFile, preview, setPreview, message, setMessage, busy, ...f } =
    useFileImport<TPreview>();
  const [problems, setProblems] = useState<TWorkbookProblem[]>([]);

  function reset() {
    f.reset();
    setProblems([]);
  }

  function send(chosen: File, confirm?: TPreview) {
    setProblems([]);
    const body = new FormData();
    body.set("file", chosen);
    if (confirm)
      body.set(
        "confirm",
        JSON.stringify({
          digest: confirm.digest,
          versions: Object.fromEntries(confirm.changes.map((c) => [c.questionId, c.baseVersion])),
        }),
      );
    return f.request(async () => {
      const res = await fetch(endpoint, { method: "POST", body });
      const result = await res.json().catch(() => ({}));
      if (result.status === "preview" || result.status === "conflict") {
        setPreview({ digest: result.digest, changes: result.changes });
        if (result.error) setMessage({ text: result.error, ok: false });
      } else if (result.status === "imported") {
        const n = result.changes.length;
        setProblems([]);
        f.imported(`${n} answer${n === 1 ? "" : "s"} imported.`);
      } else {
        setPreview(undefined);
        setProblems(result.problems ?? []);
        setMessage({ text: result.error ?? "The workbook could not be imported.", ok: false });
      }
    });
  }

  const headingId = `${idPrefix}-import-heading`;
  return (
    <section aria-labelledby={headingId} className="mb-8 max-w-3xl text-sm text-slate-700">
      <h2 id={headingId} className="font-semibold text-slate-900">
        Import a filled workbook
      </h2>
      <FileImportField
        className="mt-1 block"
        label={<span className="text-slate-700">{note}</span>}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        busy={busy}
        inputRef={input}
        onFile={(chosen) => {
          setPreview(undefined);
          setFile(chosen);
          if (chosen) void send(chosen);
        }}
      />
      <FormMessage message={message} className="mt-2" />
      {problems.length > 0 && (
        <ul aria-label="Problems in the workbook" className="mt-2 list-disc pl-5 text-red-700">
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
            <li key={i}>
              {placeOf(p) && <span className="font-medium">{placeOf(p)}: </span>}
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {preview && file && (
        <div className="mt-3 rounded-md border border-slate-200 p-3">
          <h3 ref={heading} tabIndex={-1} className="font-semibold text-slate-900">
            {preview.changes.length === 0
              ? "The workbook changes no answer."
              : `The import will change ${preview.changes.length} answer${preview.changes.length === 1 ? "" : "s"}`}
          </h3>
          <p className="mt-1 text-slate-600">
            Nothing is saved until you import. Blank cells leave answers as they are.
          </p>
          {preview.changes.length > 0 && (
            <Table
              caption="What the import will change"
              variant="compact"
              rows={preview.changes}
              rowKey={(c) => c.questionId}
              columns={[
                { header: "Question", rowHeader: true, cell: (c) => c.question },
                {
                  header: "Now",
                  cell: (c) =>
                    c.from
                      ? `${c.from}${c.awaiting ? " (awaiting confirmation)" : ""}`
                      : "(no answer)",
                },
                { header: "From the workbook", cell: (c) => c.to },
              ]}
            />
          )}
          <div className="mt-3 flex gap-2">
            {preview.changes.length > 0 && (
              <Button disabled={busy} onClick={() => void send(file, preview)}>
                Import {preview.changes.length} answer{preview.changes.length === 1 ? "" : "s"}
              </Button>
            )}
            <Button variant="secondary" disabled={busy} onClick={reset}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
