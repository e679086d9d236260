"use server";

import { postStaffThreadComment } from "../data/threads";
import { ZStaffThreadComment } from "../schemas/thread";
import { defineAction } from "./define";

// The permission of the change request that opens a thread: the same reviewers carry it on.
export const postThreadCommentAction = defineAction({
  permission: "assessment:review",
  input: ZStaffThreadComment,
  revalidate: [["/assessments", "layout"]],
  run: async ({ input, user }) => {
    const c = await postStaffThreadComment({ orgId: user.orgId, actorId: user.id, ...input });
    return { id: c.id };
  },
});
