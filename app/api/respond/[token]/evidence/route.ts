import { db } from "@/lib/db";
import { MAX_UPLOAD_REQUEST_BYTES, MAX_UPLOAD_TEXT } from "@/lib/files/limits";
import { EDITABLE } from "@/lib/portal/access";
import { storeEvidence, UploadError } from "@/lib/portal/evidence";
import { withLink } from "@/lib/portal/route";
import { StorageError } from "@/lib/storage";

export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return withLink(req, params, async (link) => {
    const length = Number(req.headers.get("content-length") ?? 0);
    if (length > MAX_UPLOAD_REQUEST_BYTES) {
      return Response.json(
        {
          error: `The file is larger than ${MAX_UPLOAD_TEXT}, the limit for one file.`,
          field: "file",
        },
        { status: 413 },
      );
    }
    const assessment = await db.assessment.findUniqueOrThrow({ where: { id: link.assessmentId } });
    if (!EDITABLE.has(assessment.status))
      return Response.json({ error: "This questionnaire is already submitted." }, { status: 423 });
    const form = await req.formData().catch(() => null);
    if (!form) {
      // Also what a body cut short looks like (sent without a length, past the request limit).
      return Response.json(
        {
          error: `The upload could not be read. Choose a file of at most ${MAX_UPLOAD_TEXT} and try again.`,
          field: "file",
        },
        { status: 422 },
      );
    }
    const file = form.get("file");
    if (!(file instanceof File))
      return Response.json({ error: "Choose a file to upload.", field: "file" }, { status: 422 });
    const questionId = String(form.get("questionId") ?? "").slice(0, 80) || null;
    const evidenceDate = String(form.get("evidenceDate") ?? "") || null;
    try {
      const ev = await storeEvidence({
        orgId: link.orgId,
        assessmentId: link.assessmentId,
        questionId,
        fileName: file.name,
        bytes: Buffer.from(await file.arrayBuffer()),
        evidenceDate,
        actor: { kind: "vendor", invitationId: link.invitationId },
      });
      return Response.json({
        data: {
          id: ev.id,
          fileName: ev.fileName,
          sizeBytes: ev.sizeBytes,
          questionId: ev.questionId,
          evidenceDate: ev.evidenceDate,
        },
      });
    } catch (e) {
      if (e instanceof UploadError)
        return Response.json({ error: e.message, field: e.field }, { status: 422 });
      if (e instanceof StorageError) {
        console.error(`[evidence] could not store an upload (${e.code ?? "unknown error"})`);
        return Response.json({ error: e.message, field: "file" }, { status: 507 });
      }
      throw e;
    }
  });
}
