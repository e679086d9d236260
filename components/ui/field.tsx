import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { SafeText } from "./safe-text";

type TFieldShell = {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
};

/** Label, hint and error wired to the control with aria-describedby, for screen readers. */
export function FieldShell({ id, label, error, hint, children }: TFieldShell) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:ring-red-500";

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

type TCommon = { id: string; label: string; error?: string; hint?: ReactNode };
type TControl<E extends HTMLElement, A> = TCommon & A & { ref?: Ref<E> };

/** The shell around a control, and the control tied to its label, hint and error. */
function wired<P extends TCommon>(
  { label, error, hint, ...props }: P,
  render: (control: Omit<P, "label" | "error" | "hint">) => ReactNode,
) {
  return (
    <FieldShell id={props.id} label={label} error={error} hint={hint}>
      {render({
        className: control,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy(props.id, error, hint),
        ...props,
      })}
    </FieldShell>
  );
}

export function TextField(
  props: TControl<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>,
) {
  return wired(props, (control) => <input {...control} />);
}

export function TextAreaField(
  props: TControl<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>,
) {
  return wired(props, (control) => <textarea {...control} />);
}

export function SelectField({
  options,
  ...props
}: TControl<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>> & {
  options: { value: string; label: string }[];
}) {
  return wired(props, (control) => (
    <select {...control}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  ));
}

export function FormAlert({
  message,
  tone = "error",
}: {
  message?: string;
  tone?: "error" | "success";
}) {
  if (!message) return null;
  const cls =
    tone === "error"
      ? "bg-red-50 text-red-800 ring-red-200"
      : "bg-emerald-50 text-emerald-800 ring-emerald-200";
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md px-3 py-2 text-sm ring-1 ${cls}`}
    >
      <SafeText text={message} />
    </div>
  );
}
