import "@/lib/zod-config";
import { z } from "zod";
import { zQuestionId } from "./assessment";
import { zId, zText } from "./common";

import { THREAD_BODY_MAX } from "./thread-rules";

export { isThreadOpen, THREAD_BODY_MAX, THREAD_OPEN_STATUSES } from "./thread-rules";

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
