/** The outcome of a form sent with fetch: a status when it worked, an alert when it did not. */
export type TFormMessage = { text: string; ok: boolean };

export function FormMessage({
  message,
  className = "",
}: {
  message: TFormMessage | undefined;
  className?: string;
}) {
  if (!message) return null;
  return (
    <p
      role={message.ok ? "status" : "alert"}
      className={`text-sm ${message.ok ? "text-emerald-800" : "text-red-700"} ${className}`.trim()}
    >
      {message.text}
    </p>
  );
}
