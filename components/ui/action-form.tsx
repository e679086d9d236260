import type { ComponentProps, FormEventHandler, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import type { TFormMessage } from "@/components/ui/use-action-form";

/** A labelled form that the browser does not validate (the schema does), its message on top. */
export function ActionForm({
  label,
  message,
  onSubmit,
  className = "space-y-4",
  children,
}: {
  /** The form's accessible name. */
  label: string;
  message?: TFormMessage;
  onSubmit: FormEventHandler<HTMLFormElement>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate className={className} aria-label={label}>
      <FormAlert message={message?.text} tone={message?.tone} />
      {children}
    </form>
  );
}

type TSubmitButton = ComponentProps<typeof Button> & {
  /** The form is being sent: the button is disabled and says `pendingLabel`, if given. */
  pending: boolean;
  pendingLabel?: string;
  /** A bare <button> styled only by `className` (the vendor portal's own look), not a Button. */
  plain?: boolean;
};

/** A form's submit button, disabled while the form is being sent. */
export function SubmitButton(p: TSubmitButton) {
  const { pending, pendingLabel, plain, variant, children, ...props } = p;
  const label = pending && pendingLabel ? pendingLabel : children;
  if (plain)
    return (
      <button {...props} type="submit" disabled={pending}>
        {label}
      </button>
    );
  return (
    <Button {...props} variant={variant} type="submit" disabled={pending}>
      {label}
    </Button>
  );
}
