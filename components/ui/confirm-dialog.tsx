"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";

/**
 * Asks before a risky action, naming its consequence. A native modal <dialog>: focus moves
 * into it (on the safe choice), Escape or the cancel button close it and the browser returns
 * focus to what opened it. Open it by setting `open`; both choices call back.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = "Cancel",
  pending = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  /** The question, e.g. "Deactivate Priya?" — the dialog's accessible name. */
  title: string;
  /** The consequence — the dialog's accessible description. */
  children: ReactNode;
  /** Names the action, e.g. "Yes, deactivate Priya". */
  confirmLabel: string;
  cancelLabel?: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
      // The safe choice (the first button) takes focus.
      dialog.querySelector("button")?.focus();
    }
    if (!open && dialog.open) dialog.close();
    // Back to what opened it (browsers do this too; some do not for every opener).
    if (!open && opener.current?.isConnected) {
      opener.current.focus();
      opener.current = null;
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40"
      // Escape closes the dialog natively; keep the caller's state in step.
      onClose={() => {
        if (open) onCancel();
      }}
    >
      {open && (
        <>
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${id}-text`} className="mt-2 text-sm text-slate-700">
            {children}
          </div>
          <div className="mt-4 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={onCancel}>
              {cancelLabel}
            </Button>
            <Button variant="danger" disabled={pending} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}
