"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { TextAreaField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { postThreadCommentAction } from "@/lib/actions/threads";
import {
  THREAD_BODY_MAX,
  type TStaffThreadComment,
  ZStaffThreadComment,
} from "@/lib/schemas/thread";

/** The reviewer's reply box under a question's thread on the review page. */
export function ThreadReplyForm({
  assessmentId,
  questionId,
  questionLabel,
}: {
  assessmentId: string;
  questionId: string;
  questionLabel: string;
}) {
  const router = useRouter();
  const { field, message, onSubmit, submitting } = useActionForm<
    z.input<typeof ZStaffThreadComment>,
    TStaffThreadComment
  >({
    resolver: zodResolver(ZStaffThreadComment),
    defaultValues: { assessmentId, questionId, body: "" },
    action: postThreadCommentAction,
    resetOnSuccess: true,
    successMessage: () => "Comment added: the vendor sees it under the question.",
    afterSuccess: () => router.refresh(),
  });
  return (
    <ActionForm
      label={`Comment on “${questionLabel}”`}
      message={message}
      onSubmit={onSubmit}
      className="mt-2 space-y-2"
    >
      <TextAreaField
        id={`thread-${questionId}-body`}
        label="Your comment to the vendor"
        rows={2}
        maxLength={THREAD_BODY_MAX}
        {...field("body")}
      />
      <SubmitButton variant="secondary" pending={submitting} pendingLabel="Sending…">
        Add comment
      </SubmitButton>
    </ActionForm>
  );
}
