"use client";

import { type ReactNode, type RefObject, useEffect, useRef, useState } from "react";
import type { TFormMessage } from "@/components/ui/form-message";

const NO_CONNECTION: TFormMessage = { text: "No connection: try again in a moment.", ok: false };

/**
 * The state every "bring in a file" form shares (workbook answers, vendors, portable answers):
 * the chosen file, the server's preview of what it would change, a busy flag while a request
 * runs, and the message. A new preview takes the focus (its heading), so a screen reader reads
 * what will change first; a finished import says so and reloads the page, which reads the
 * saved data again.
 */
export function useFileImport<TPreview>() {
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<TPreview>();
  const [message, setMessage] = useState<TFormMessage>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (preview) heading.current?.focus();
  }, [preview]);

  /** Forgets the file and its preview (Cancel, or after an import). */
  function reset() {
    setFile(undefined);
    setPreview(undefined);
    if (input.current) input.current.value = "";
  }

  /** Runs one request: busy meanwhile, the message cleared before and "no connection" on a network error. */
  async function request(send: () => Promise<void>) {
    setBusy(true);
    setMessage(undefined);
    try {
      await send();
    } catch {
      setMessage(NO_CONNECTION);
    } finally {
      setBusy(false);
    }
  }

  /** The import is saved: say what happened, then reload to show it. */
  function imported(text: string, delayMs = 1200) {
    reset();
    setMessage({ text: `${text} Reloading…`, ok: true });
    setTimeout(() => window.location.reload(), delayMs);
  }

  return {
    input,
    heading,
    file,
    setFile,
    preview,
    setPreview,
    message,
    setMessage,
    busy,
    reset,
    request,
    imported,
  };
}

/** The labelled file picker of such a form: picking a file hands it to `onFile` at once. */
export function FileImportField({
  label,
  accept,
  busy,
  inputRef,
  onFile,
  className = "mt-2 block",
}: {
  /** What the picker is for, read out with it (the label wraps the input). */
  label: ReactNode;
  accept: string;
  busy: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  onFile: (file: File | undefined) => void;
  className?: string;
}) {
  return (
    <label className={className}>
      {label}
      <input
        ref={inputRef}
        type="file"
        accept={accept}
        disabled={busy}
        className="mt-1 block text-sm"
        onChange={(e) => onFile(e.currentTarget.files?.[0])}
      />
    </label>
  );
}
