import type { TAnswersImportResult } from "@/lib/data/answers-import";
import { WORKBOOK_LIMITS } from "./zip-guard";

// The request and response of a workbook import (issue 22), shared by the portal's route and the
// assessment page's: a form with the file and, to confirm, the preview's digest and versions.

/** The upload: its bytes (null when none could be read) and the confirmation, if any. */
export async function readImportForm(
  req: Request,
): Promise<{ bytes: Buffer | null; confirm: unknown } | Response> {
  // A form's own fields add a little to the file; anything far past the limit is not read.
  if (Number(req.headers.get("content-length") ?? 0) > WORKBOOK_LIMITS.fileBytes + 64 * 1024)
    return Response.json(
      { error: `The file is larger than ${WORKBOOK_LIMITS.fileBytes / 1024 / 1024} MB.` },
      { status: 413 },
    );
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : null;
  const raw = form?.get("confirm");
  let confirm: unknown;
  if (typeof raw === "string") {
    try {
      confirm = JSON.parse(raw);
    } catch {
      confirm = raw;
    }
  }
  return { bytes, confirm };
}

/** The result as JSON: 200 preview/imported, 422 a refused file, 409 refused now or a conflict. */
export function importResponse(result: TAnswersImportResult): Response {
  const status =
    result.status === "invalid"
      ? 422
      : result.status === "refused" || result.status === "conflict"
        ? 409
        : 200;
  const error =
    result.status === "invalid"
      ? "The workbook was not imported: fix what is listed and upload it again."
      : undefined;
  return Response.json(
    { ...(error ? { error } : {}), ...result },
    { status, headers: { "cache-control": "no-store" } },
  );
}
