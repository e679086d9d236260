// Text-direction controls: invisible characters that reorder the text after them. Embeddings
// and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). A name typed as "Invoice", U+202E,
// "fdp.exe" shows as "Invoiceexe.pdf", and an override left open reverses whatever follows the
// name on the page ("… was added."). Names are stored exactly as typed (the hostile-input tests
// hold the app to that), so they are neutralised where they are shown: see components/ui/
// safe-text.tsx. The invisible marks LRM, RLM and ALM only nudge neutral characters and stay.

const CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROLS = /([\u202A-\u202E\u2066-\u2069])/;

export const hasBidiControl = (text: string) => CONTROL.test(text);

export type TTextPart = { text: string; control: boolean };

/** The text in runs, each control character a run of its own, in order. */
export function splitBidiControls(text: string): TTextPart[] {
  return text
    .split(CONTROLS)
    .filter((t) => t !== "")
    .map((t) => ({ text: t, control: CONTROL.test(t) }));
}

/**
 * For outputs that cannot hold markup (an <option>, a document title): each control is closed
 * right after it opens (an embedding or override by PDF, an isolate by PDI), so it reorders
 * nothing. The text then differs from the stored one by those invisible closers only.
 */
export function closeBidiControls(text: string): string {
  if (!hasBidiControl(text)) return text;
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, (c) => {
    if (c === "\u202C" || c === "\u2069") return c;
    return c >= "\u2066" ? `${c}\u2069` : `${c}\u202C`;
  });
}
