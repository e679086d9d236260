import type { ReactNode } from "react";
import { hasBidiControl, splitBidiControls } from "@/lib/text/bidi";

/**
 * Text as stored, shown so that no text-direction control in it can reorder anything: each
 * control sits alone in an isolate (<bdi>), where it has nothing to act on (lib/text/bidi.ts).
 * The text content, and so what screen readers, copy and paste and tests read, is unchanged.
 * No hooks: for server and client components alike.
 */
export function SafeText({ text }: { text: string }) {
  if (!hasBidiControl(text)) return text;
  return (
    <>
      {splitBidiControls(text).map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
        part.control ? <bdi key={i}>{part.text}</bdi> : part.text,
      )}
    </>
  );
}

/** A node for a UI primitive's slot: plain strings are shown through SafeText. */
export function safeNode(node: ReactNode): ReactNode {
  return typeof node === "string" ? <SafeText text={node} /> : node;
}
