"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addExtensionQuestionAction } from "@/lib/actions/extension";
import {
  CONDITION_OP_LABELS,
  CONDITION_OPS,
  type TExtensionQuestionForm,
  ZExtensionQuestionForm,
} from "@/lib/schemas/extension";

export const SHAPES = [
  { value: "yesno", label: "Yes / no" },
  { value: "choice", label: "One choice" },
  { value: "multi", label: "Several choices" },
  { value: "number", label: "Number with a unit" },
  { value: "date", label: "Date" },
  { value: "text", label: "Text" },
];

const EMPTY: TExtensionQuestionForm = {
  section: "",
  sectionTitle: "",
  id: "x_",
  label: "",
  help: "",
  type: "yesno",
  options: "",
  unit: "",
  required: true,
  conditionQuestion: "",
  conditionOp: "equals",
  conditionValue: "",
};

type TProps = {
  sections: { value: string; label: string }[];
  /** Questions a condition may name: the core ones, then the organisation's own. */
  questions: { value: string; label: string }[];
  /** What each of those questions is answered with, in words ("yes, no, unknown"). */
  answers: Record<string, string>;
};

const CONDITION_CHOICES = CONDITION_OPS.map((op) => ({
  value: op,
  label: CONDITION_OP_LABELS[op],
}));

/** Adds one question to the extension (saved at once as a new version). */
export function QuestionForm({ sections, questions, answers }: TProps) {
  const router = useRouter();
  const [added, setAdded] = useState<{ value: string; label: string }[]>([]);
  const [next, setNext] = useState<string>();
  const form = useActionForm<
    TExtensionQuestionForm,
    TExtensionQuestionForm,
    { version: number; section: string }
  >({
    resolver: zodResolver(ZExtensionQuestionForm),
    defaultValues: { ...EMPTY, section: sections[0]?.value ?? "" },
    action: addExtensionQuestionAction,
    successMessage: (v) => `Question ${v.id} added.`,
    // The next question goes to the same section, a new one included (once it is listed).
    afterSuccess: ({ section }) => {
      const title = form.getValues("sectionTitle") ?? "";
      if (!listed.some((s) => s.value === section))
        setAdded((prev) => [...prev, { value: section, label: title }]);
      setNext(section);
      router.refresh();
    },
  });
  const listed = useMemo(
    () => [...sections, ...added.filter((a) => !sections.some((s) => s.value === a.value))],
    [sections, added],
  );
  useEffect(() => {
    if (next === undefined || !listed.some((s) => s.value === next)) return;
    form.reset({ ...EMPTY, section: next });
    setNext(undefined);
  }, [next, listed, form]);
  const { field, message, onSubmit, submitting, register, watch } = form;
  const type = watch("type");
  const section = watch("section");
  const conditionQuestion = watch("conditionQuestion");
  const conditionOp = watch("conditionOp");
  return (
    <ActionForm label="Add a question" message={message} onSubmit={onSubmit}>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          id="xq-section"
          label="Section"
          options={[...listed, { value: "", label: "A new section…" }]}
          {...field("section")}
        />
        {!section && (
          <TextField id="xq-section-title" label="New section title" {...field("sectionTitle")} />
        )}
        <TextField
          id="xq-id"
          label="Question id"
          hint='Your own id, starting with "x_" (never a core id)'
          {...field("id")}
        />
        <SelectField id="xq-type" label="Shape" options={SHAPES} {...field("type")} />
      </div>
      <TextField id="xq-label" label="Question" {...field("label")} />
      <TextField id="xq-help" label="Help (optional)" {...field("help")} />
      {(type === "choice" || type === "multi") && (
        <TextAreaField
          id="xq-options"
          label="Options, one per line"
          rows={3}
          {...field("options")}
        />
      )}
      {type === "number" && <TextField id="xq-unit" label="Unit" {...field("unit")} />}
      <div className="flex items-center gap-2">
        <input id="xq-required" type="checkbox" {...register("required")} />
        <label htmlFor="xq-required" className="text-sm">
          The vendor must answer it
        </label>
      </div>
      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">Show only when (optional)</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            id="xq-cond-question"
            label="This question"
            options={[{ value: "", label: "Always shown" }, ...questions]}
            {...field("conditionQuestion")}
          />
          {conditionQuestion && (
            <>
              <SelectField
                id="xq-cond-op"
                label="Its answer"
                options={CONDITION_CHOICES}
                {...field("conditionOp")}
              />
              <TextField
                id="xq-cond-value"
                label={conditionOp === "in" ? "One of these answers" : "This answer"}
                hint={`${conditionOp === "in" ? "Separated by commas. " : ""}Possible answers: ${answers[conditionQuestion] ?? "as stored"}`}
                {...field("conditionValue")}
              />
            </>
          )}
        </div>
      </fieldset>
      <SubmitButton pending={submitting} pendingLabel="Adding…">
        Add question
      </SubmitButton>
    </ActionForm>
  );
}
