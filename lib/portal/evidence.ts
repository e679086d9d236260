import crypto from "node:crypto";
import { Readable } from "node:stream";
import { recordAudit, type TActor } from "../audit";
import { isValidIsoDate } from "../dates";
import { db } from "../db";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_TEXT } from "../files/limits";
import { ALLOWED_TYPES, cleanFileName, detectFileKind } from "../files/sniff";
import { DOWNLOAD_CSP } from "../security/headers";
import { getStorage } from "../storage";

export class UploadError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type TStoreEvidence = {
  orgId: string;
  assessmentId: string;
  questionId: string | null;
  fileName: string;
  bytes: Buffer;
  evidenceDate: string | null;
  actor: TActor;
};

/** Checks and stores one evidence file under a random name outside public/. */
export async function storeEvidence(input: TStoreEvidence) {
  if (input.bytes.length === 0) throw new UploadError("file", "The file is empty.");
  if (input.bytes.length > MAX_UPLOAD_BYTES)
    throw new UploadError(
      "file",
      `The file is larger than ${MAX_UPLOAD_TEXT}, the limit for one file.`,
    );
  const fileName = cleanFileName(input.fileName);
  const kind = detectFileKind({ bytes: input.bytes, fileName });
  if (!kind) {
    throw new UploadError(
      "file",
      "This file type is not accepted. Upload a PDF, PNG, JPEG, DOCX, XLSX, CSV or TXT file whose name matches its content.",
    );
  }
  if (input.questionId !== null && !/^[a-z][a-z0-9_]{0,79}$/.test(input.questionId))
    throw new UploadError("questionId", "The question for this evidence is not valid.");
  // A real calendar date: "2026-02-31" would be stored as 3 March, "9999-99-99" was a 500.
  if (input.evidenceDate && !isValidIsoDate({ text: input.evidenceDate }))
    throw new UploadError("evidenceDate", "Evidence date must be a date (YYYY-MM-DD).");
  const storedName = crypto.randomBytes(24).toString("hex");
  const storage = getStorage();
  // Leaves nothing behind when the store fails halfway (a full disk): StorageError, no row.
  await storage.put({ key: storedName, body: Readable.from([input.bytes]) });
  try {
    return await db.$transaction(async (tx) => {
      const ev = await tx.evidenceFile.create({
        data: {
          orgId: input.orgId,
          assessmentId: input.assessmentId,
          questionId: input.questionId,
          fileName,
          storedName,
          mimeType: ALLOWED_TYPES[kind].mime,
          sizeBytes: input.bytes.length,
          sha256: crypto.createHash("sha256").update(input.bytes).digest("hex"),
          evidenceDate: input.evidenceDate ? new Date(`${input.evidenceDate}T00:00:00Z`) : null,
          uploadedByKind: input.actor.kind === "vendor" ? "vendor" : "user",
          uploadedByInvitationId: input.actor.kind === "vendor" ? input.actor.invitationId : null,
          uploadedByUserId: input.actor.kind === "user" ? input.actor.userId : null,
        },
      });
      await recordAudit({
        tx,
        orgId: input.orgId,
        actor: input.actor,
        action: "evidence.uploaded",
        targetType: "evidence",
        targetId: ev.id,
        data: { fileName, question: input.questionId, bytes: input.bytes.length },
      });
      return ev;
    });
  } catch (e) {
    await storage.delete({ key: storedName });
    throw e;
  }
}

/** An evidence file's bytes, streamed from the store, as a download a browser never renders inline. */
export async function evidenceResponse({
  storedName,
  fileName,
  mimeType,
}: {
  storedName: string;
  fileName: string;
  mimeType: string;
}) {
  const stream = await getStorage().get({ key: storedName });
  if (!stream)
    return Response.json({ error: "The file is missing from storage." }, { status: 404 });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": mimeType,
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
      "Content-Security-Policy": DOWNLOAD_CSP,
    },
  });
}
