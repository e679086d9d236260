import "@/lib/zod-config";
import { z } from "zod";

/**
 * One autosave of one answer: what the portal's browser sends to
 * `POST /api/respond/<token>/answers` and what the server checks. The browser builds its
 * request with this type; the server parses with this schema, in one place (saveAnswer).
 */
export const ZSaveAnswer = z.object({
  /** Any string: one that names no question of the questionnaire is refused at answers.<id>. */
  questionId: z.string(),
  /** The answer; null (or absent) clears it. Its shape is the question's own value schema. */
  value: z.unknown().transform((v) => v ?? null),
  /**
   * Sites only: the sites still being entered (no location yet…), kept beside the answer as
   * drafts; absent means none. Checked against the question by saveAnswer.
   */
  drafts: z.array(z.unknown()).optional(),
  /** The version the person edited from: 0 when there was no answer yet. */
  baseVersion: z.number().int().min(0).max(2_147_483_647),
  /**
   * Sent again with a retried save, so that a resend is never applied twice. Unique per
   * question of one assessment: the same key elsewhere is another save.
   */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "up to 100 letters, digits, - or _"),
});
export type TSaveAnswer = z.input<typeof ZSaveAnswer>;
