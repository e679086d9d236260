// Page-sized chunks, decided before layout: each chunk becomes its own <Page>, so react-pdf
// lays out one page of rows at a time instead of re-laying out the whole rest of a long list
// for every page it breaks (see README.md).

export type TChunkByHeightInput<T> = {
  items: readonly T[];
  /** Estimated height of one item, in lines. */
  linesOf: (item: T) => number;
  /** Lines that fit on one page. */
  capacity: number;
};

export function chunkByHeight<T>({ items, linesOf, capacity }: TChunkByHeightInput<T>): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let used = 0;
  for (const item of items) {
    const lines = linesOf(item);
    if (chunk.length > 0 && used + lines > capacity) {
      chunks.push(chunk);
      chunk = [];
      used = 0;
    }
    chunk.push(item);
    used += lines;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

export type TEstimateLinesInput = { text: string; charsPerLine: number };

/** Wrapped line count of a text in a column about charsPerLine characters wide. */
export function estimateLines({ text, charsPerLine }: TEstimateLinesInput): number {
  let lines = 0;
  for (const para of text.split("\n"))
    lines += Math.max(1, Math.ceil((para.length * 1.08) / charsPerLine));
  return lines;
}
