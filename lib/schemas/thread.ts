import "@/lib/zod-config";
import { z } from "zod";
import { zQuestionId } from "./assessment";
import { zId, zText } from "./common";

/** The assessment states in which a question's thread takes new messages (both sides). */
export const THREAD_OPEN_STATUSES = ["submitted", "changes_requested"] as const;

export const isThreadOpen = (status: string) =>
  (THREAD_OPEN_STATUSES as readonly string[]).includes(status);

/** A thread message's longest body, in characters: the reviewer's request has the same cap. */
export const THREAD_BODY_MAX = 2000;

/** A vendor's reply, as the portal sends it (the link names the assessment). */
export const ZThreadReply = z.object({
  questionId: zQuestionId,
  body: zText({ label: "Reply", max: THREAD_BODY_MAX, min: 1 }),
});
export type TThreadReply = z.infer<typeof ZThreadReply>;

/** A reviewer's message on a question's thread. */
export const ZStaffThreadComment = ZThreadReply.extend({
  assessmentId: zId("Assessment"),
  body: zText({ label: "Comment", max: THREAD_BODY_MAX, min: 1 }),
});
export type TStaffThreadComment = z.infer<typeof ZStaffThreadComment>;
