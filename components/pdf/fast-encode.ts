// A faster, equivalent `encode` for the standard (AFM) fonts react-pdf lays text out with.
//
// react-pdf's StandardFont.layout calls pdfkit's StandardFont.encode for every run of text;
// pdfkit looks each character up by glyph name and each kerning pair by a string key built
// per character ("A\0V"), which showed up as a few percent of the whole render. This keeps
// pdfkit's own answers (the same AFM tables, asked once per character and once per pair) in
// numeric-keyed caches. It patches the font objects of this process, not node_modules; the
// unit test compares it with pdfkit's encode on mixed text.

type TPosition = {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
};
type TAfm = {
  encodeText(text: string): string[];
  characterToGlyph(code: number): string;
  widthOfGlyph(glyph: string): number;
  getKernPair(left: string, right: string | undefined): number;
};
export type TPdfkitStandardFont = {
  font: TAfm;
  encode(text: string): [string[], TPosition[]];
  __fastEncode?: true;
};

export function installFastEncode(font: TPdfkitStandardFont): void {
  if (font.__fastEncode) return;
  const afm = font.font;
  const hex: string[] = [];
  const glyph: string[] = [];
  const width: number[] = [];
  const kern = new Map<number, number>();
  const info = (code: number) => {
    if (hex[code] === undefined) {
      const ch = String.fromCharCode(code);
      hex[code] = afm.encodeText(ch)[0] ?? "0";
      glyph[code] = afm.characterToGlyph(code);
      width[code] = afm.widthOfGlyph(glyph[code] as string);
    }
  };
  font.encode = (text: string) => {
    const n = text.length;
    const encoded = new Array<string>(n);
    const positions = new Array<TPosition>(n);
    let code = n > 0 ? text.charCodeAt(0) : 0;
    if (n > 0) info(code);
    for (let i = 0; i < n; i++) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      if (next >= 0) info(next);
      const key = code * 0x10000 + (next + 1);
      let k = kern.get(key);
      if (k === undefined) {
        k = afm.getKernPair(glyph[code] as string, next >= 0 ? glyph[next] : undefined);
        kern.set(key, k);
      }
      const w = width[code] as number;
      encoded[i] = hex[code] as string;
      positions[i] = { xAdvance: w + k, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w };
      code = next;
    }
    return [encoded, positions];
  };
  font.__fastEncode = true;
}
