"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addExtensionRuleAction } from "@/lib/actions/extension";
import { RULE_OPERATORS } from "@/lib/questionnaires/extension/schema";
import { SEVERITIES } from "@/lib/rules/types";
import { type TExtensionRuleForm, ZExtensionRuleForm } from "@/lib/schemas/extension";

const OPS = Object.entries(RULE_OPERATORS).map(([value, label]) => ({ value, label }));
const LEVELS = SEVERITIES.map((s) => ({ value: s, label: s }));

/** Adds one of the organisation's rules on its own questions (saved as a new version). */
export function RuleForm({ questions }: { questions: { value: string; label: string }[] }) {
  const router = useRouter();
  const empty: TExtensionRuleForm = {
    code: "ORG_",
    title: "",
    explanation: "",
    severity: "medium",
    question: questions[0]?.value ?? "",
    op: "equals",
    value: "",
  };
  const form = useActionForm<TExtensionRuleForm, TExtensionRuleForm, { version: number }>({
    resolver: zodResolver(ZExtensionRuleForm),
    defaultValues: empty,
    action: addExtensionRuleAction,
    successMessage: (v) => `Rule ${v.code} added.`,
    afterSuccess: () => {
      form.reset(empty);
      router.refresh();
    },
  });
  const { field, message, onSubmit, submitting } = form;
  return (
    <ActionForm label="Add a rule" message={message} onSubmit={onSubmit}>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          id="xr-question"
          label="When the answer to"
          options={questions}
          {...field("question")}
        />
        <SelectField id="xr-op" label="Condition" options={OPS} {...field("op")} />
        <TextField
          id="xr-value"
          label="Value"
          hint="A number, a value, or values separated by commas"
          {...field("value")}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField id="xr-code" label="Flag code" hint='Starts with "ORG_"' {...field("code")} />
        <TextField id="xr-title" label="Flag title" {...field("title")} />
        <SelectField id="xr-severity" label="Severity" options={LEVELS} {...field("severity")} />
      </div>
      <TextAreaField
        id="xr-explanation"
        label="Explanation"
        rows={2}
        hint="{answer} and {question} are filled in when the flag is raised"
        {...field("explanation")}
      />
      <SubmitButton pending={submitting} pendingLabel="Adding…">
        Add rule
      </SubmitButton>
    </ActionForm>
  );
}
