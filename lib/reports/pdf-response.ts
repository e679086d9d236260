import { recordAudit } from "@/lib/audit";
import type { TSessionUser } from "@/lib/authz";
import { RenderLimitError, RenderQueueFullError } from "./render-pool";

export type TReportFileNameInput = { name: string; kind: string; date: string; ext?: string };

/** "nordlicht-cloud-gmbh-bcdr-report-2026-03-01.pdf": ASCII only, safe in any header. */
export function reportFileName({ name, kind, date, ext = "pdf" }: TReportFileNameInput): string {
  const slug =
    name
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "report";
  return `${slug}-${kind}-${date}.${ext}`;
}

export type TAuditedDownloadInput = {
  user: TSessionUser;
  bytes: Uint8Array;
  fileName: string;
  target: { type: string; id: string };
  /** A spreadsheet export names its own type; the default is the PDF report's. */
  contentType?: string;
};

/** Every report leaving the system is audited, whichever route served it. */
export async function auditedDownload({
  user,
  bytes,
  fileName,
  target,
  contentType = "application/pdf",
}: TAuditedDownloadInput) {
  await recordAudit({
    orgId: user.orgId,
    actor: { kind: "user", userId: user.id },
    action: "report.downloaded",
    targetType: target.type,
    targetId: target.id,
    data: { fileName, bytes: bytes.byteLength },
  });
  return downloadResponse({ bytes, fileName, contentType });
}

export type TDownloadResponseInput = { bytes: Uint8Array; fileName: string; contentType: string };

/** A file download: an attachment, never cached (it holds an organisation's data). */
export function downloadResponse({ bytes, fileName, contentType }: TDownloadResponseInput) {
  return new Response(bytes as BodyInit, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
    },
  });
}

/**
 * A render refused or stopped by its limits (render-pool.ts) as the answer to send: 429 with
 * Retry-After when the user's or organisation's share is queued, 503 past the time or memory
 * limit; anything else is rethrown.
 */
export function renderFailureResponse(e: unknown): Response {
  const headers = { "Cache-Control": "no-store" };
  if (e instanceof RenderQueueFullError)
    return Response.json(
      { error: e.message },
      { status: 429, headers: { ...headers, "Retry-After": String(e.retryAfterSeconds) } },
    );
  if (e instanceof RenderLimitError)
    return Response.json({ error: e.message }, { status: 503, headers });
  throw e;
}
