import { z } from "zod";
import { saveAnswer } from "@/lib/portal/answers";
import { BodyError, readJson, withLink } from "@/lib/portal/route";

const ZSave = z.object({
  questionId: z.string().min(1).max(80),
  value: z.unknown(),
  baseVersion: z.number().int().min(0),
  idempotencyKey: z.string().min(8).max(100),
});

export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return withLink(req, params, async (link) => {
    let body: z.infer<typeof ZSave>;
    try {
      body = ZSave.parse(await readJson(req));
    } catch (e) {
      const message =
        e instanceof BodyError
          ? e.message
          : "The request must name questionId, value, baseVersion and idempotencyKey.";
      return Response.json(
        {
          status: "invalid",
          errors: [{ path: "body", expected: "a valid save request", found: message }],
        },
        { status: 400 },
      );
    }
    const result = await saveAnswer({
      ...body,
      value: body.value ?? null,
      invitationId: link.invitationId,
      assessmentId: link.assessmentId,
    });
    const status = { saved: 200, conflict: 409, invalid: 422, locked: 423 }[result.status];
    return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
  });
}
