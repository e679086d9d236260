import { Font } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { installFastEncode, type TPdfkitStandardFont } from "@/components/pdf/fast-encode";

// react-pdf's Helvetica wraps a pdfkit standard font (`src`); the fast encode must give the
// same glyph codes, advances and kerning as pdfkit's own encode on any text.

type TFontStore = {
  load(input: { fontFamily: string; fontWeight: number }): Promise<void>;
  getFont(input: { fontFamily: string; fontWeight: number }): {
    data: { src: TPdfkitStandardFont };
  };
};

const SAMPLES = [
  "",
  "A",
  "AVATAR Type WAVE, Yes. To: LT 7/11 ’quoted’ “double” — dash…",
  "Zürich Süd, Ærø, façade, naïve, £ € ¥ © ® ™ ‰ • · ° ± ×",
  "Quarterly, with a full failover to the secondary site (Frankfurt Nord)",
  "SITE_SEPARATION_INSUFFICIENT 0.1 km\tTab and soft\u00adhyphen",
];

describe("fast standard-font encode", () => {
  for (const fontWeight of [400, 700])
    it(`matches pdfkit's encode for Helvetica ${fontWeight}`, async () => {
      const store = Font as unknown as TFontStore;
      await store.load({ fontFamily: "Helvetica", fontWeight });
      const src = store.getFont({ fontFamily: "Helvetica", fontWeight }).data.src;
      const original = Object.getPrototypeOf(src).encode as TPdfkitStandardFont["encode"];
      const fast = { font: src.font, encode: original } as TPdfkitStandardFont;
      installFastEncode(fast);
      expect(fast.encode).not.toBe(original);
      for (const text of SAMPLES) expect(fast.encode(text)).toEqual(original.call(src, text));
    });
});
