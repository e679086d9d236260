// Guards against names that read as something else: a right-to-left override (U+202E) or an
// isolate in a name used to be shown as typed, reordering the name ("Invoice", RLO, "fdp.exe"
// shows as "Invoiceexe.pdf") and whatever followed it on the page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeText } from "@/components/ui/safe-text";
import { cleanFileName } from "@/lib/files/sniff";
import { closeBidiControls, hasBidiControl, splitBidiControls } from "@/lib/text/bidi";

const RLO = "\u202E";
const PDF = "\u202C";
const LRI = "\u2066";
const PDI = "\u2069";

describe("text-direction controls", () => {
  it("are found: embeddings, overrides and isolates; not the marks LRM, RLM, ALM", () => {
    for (const c of ["\u202A", "\u202B", PDF, "\u202D", RLO, LRI, "\u2067", "\u2068", PDI]) {
      expect(hasBidiControl(`a${c}b`)).toBe(true);
    }
    for (const c of ["\u200E", "\u200F", "\u061C", "שלום", "مرحبا"]) {
      expect(hasBidiControl(c)).toBe(false);
    }
  });

  it("split into runs that join back to the text exactly", () => {
    const text = `Invoice${RLO}fdp.exe${PDF} and ${LRI}x`;
    const parts = splitBidiControls(text);
    expect(parts.map((p) => p.text).join("")).toBe(text);
    expect(parts.filter((p) => p.control).map((p) => p.text)).toEqual([RLO, PDF, LRI]);
  });

  it("are shown each in an isolate of its own, the text content unchanged", () => {
    const html = renderToStaticMarkup(createElement(SafeText, { text: `Invoice${RLO}fdp.exe` }));
    expect(html).toBe(`Invoice<bdi>${RLO}</bdi>fdp.exe`);
    expect(renderToStaticMarkup(createElement(SafeText, { text: "Plain <b>" }))).toBe(
      "Plain &lt;b&gt;",
    );
  });

  it("are closed at once where no markup can be used", () => {
    expect(closeBidiControls(`A${RLO}evil${PDF}`)).toBe(`A${RLO}${PDF}evil${PDF}`);
    expect(closeBidiControls(`A${LRI}b`)).toBe(`A${LRI}${PDI}b`);
    expect(closeBidiControls("plain")).toBe("plain");
  });

  it("are taken out of an uploaded file's name, which is cleaned to be shown", () => {
    expect(cleanFileName(`invoice${RLO}fdp.exe`)).toBe("invoicefdp.exe");
  });
});
