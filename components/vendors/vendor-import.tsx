"use client";

import { Button } from "@/components/ui/button";
import { FileImportField, useFileImport } from "@/components/ui/file-import";
import { FormMessage } from "@/components/ui/form-message";
import { Table } from "@/components/ui/table";
import type { TVendorImportRow } from "@/lib/data/vendor-import";

const STATUS_TEXT: Record<TVendorImportRow["status"], string> = {
  create: "Will be created",
  duplicate: "Duplicate: skipped",
  invalid: "Not created",
};

/**
 * Bulk vendors (issue 22): upload a CSV or XLSX file, see every row — to create, a duplicate, or
 * what is wrong with it — and create the new vendors on confirm. Nothing is created before.
 */
export function VendorImport() {
  const {
    input,
    heading,
    file,
    setFile,
    preview: rows,
    setPreview: setRows,
    message,
    setMessage,
    busy,
    ...f
  } = useFileImport<TVendorImportRow[]>();
  const toCreate = rows?.filter((r) => r.status === "create").length ?? 0;

  function send(chosen: File, confirm: boolean) {
    const body = new FormData();
    body.set("file", chosen);
    if (confirm) body.set("confirm", "true");
    return f.request(async () => {
      const res = await fetch("/api/vendors/import", { method: "POST", body });
      const result = await res.json().catch(() => ({}));
      if (result.status === "preview") {
        setRows(result.rows);
      } else if (result.status === "imported") {
        const n = result.created as number;
        f.imported(`${n} vendor${n === 1 ? "" : "s"} created.`);
      } else {
        setRows(undefined);
        setMessage({ text: result.error ?? "The file could not be imported.", ok: false });
      }
    });
  }

  return (
    <div className="text-sm text-slate-700">
      <p>
        A CSV or Excel file with the columns Name, Tier, Services, Owner email and Contacts (
        <a className="text-indigo-800 underline" href="/api/vendors/import/template.csv" download>
          download the template
        </a>
        ). Names already in your inventory are skipped.
      </p>
      <FileImportField
        label={<span className="font-medium text-slate-800">Vendor file to import</span>}
        accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        busy={busy}
        inputRef={input}
        onFile={(chosen) => {
          setRows(undefined);
          setFile(chosen);
          if (chosen) void send(chosen, false);
        }}
      />
      <FormMessage message={message} className="mt-2" />
      {rows && file && (
        <div className="mt-3">
          <h3 ref={heading} tabIndex={-1} className="font-semibold text-slate-900">
            {toCreate} of {rows.length} row{rows.length === 1 ? "" : "s"} will be created
          </h3>
          <Table
            caption="Vendors in the file"
            variant="compact"
            rows={rows}
            rowKey={(r) => String(r.row)}
            columns={[
              { header: "Row", cell: (r) => r.row },
              { header: "Name", rowHeader: true, cell: (r) => r.name || "(no name)" },
              { header: "Tier", cell: (r) => r.tier },
              {
                header: "Result",
                cell: (r) => (
                  <>
                    <span className="font-medium">{STATUS_TEXT[r.status]}</span>
                    {r.problems.length > 0 && (
                      <ul className="list-disc pl-4 text-red-700">
                        {r.problems.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    )}
                  </>
                ),
              },
            ]}
          />
          <div className="mt-3 flex gap-2">
            {toCreate > 0 && (
              <Button disabled={busy} onClick={() => void send(file, true)}>
                Create {toCreate} vendor{toCreate === 1 ? "" : "s"}
              </Button>
            )}
            <Button variant="secondary" disabled={busy} onClick={f.reset}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
