// Page plans, decided before layout: each planned page becomes its own <Page>, so react-pdf
// lays out one page at a time instead of re-laying out the whole rest of a long list for every
// page it breaks, and "Page x of y" can be printed as plain text (see README.md).

/** A piece of a page: its estimated height and what to repeat when it starts a new page. */
export type TFlowBlock<N> = {
  key: string;
  height: number;
  node: N;
  /** Never the last block on a page (headings, table heads). */
  keepWithNext?: boolean;
  /** Repeated at the top of a page this block starts (a "continued" heading, a table head). */
  continued?: readonly TFlowBlock<N>[];
};

export type TFlowPagesInput<N> = {
  /** Each section starts on a new page. */
  sections: readonly (readonly TFlowBlock<N>[])[];
  capacity: number;
};

/** Cuts sections of blocks into pages: keeps headings with what follows, repeats table heads. */
export function flowPages<N>({ sections, capacity }: TFlowPagesInput<N>): TFlowBlock<N>[][] {
  const pages: TFlowBlock<N>[][] = [];
  for (const blocks of sections) {
    let page: TFlowBlock<N>[] = [];
    let used = 0;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i] as TFlowBlock<N>;
      // A heading moves with the block after it (and a chain of them with the first non-heading).
      let unit = block.height;
      for (let j = i; blocks[j]?.keepWithNext && j + 1 < blocks.length; j++)
        unit += blocks[j + 1]?.height ?? 0;
      const startsPage = page.length > 0 && used + unit > capacity;
      if (startsPage) {
        pages.push(page);
        page = [];
        used = 0;
        for (const c of block.continued ?? []) {
          page.push({ ...c, key: `${c.key}@${pages.length}` });
          used += c.height;
        }
      }
      page.push(block);
      used += block.height;
    }
    if (page.length > 0) pages.push(page);
  }
  return pages;
}

/** Each page's size (points) in a PDF written by pdfkit (react-pdf's writer), from its MediaBox. */
export function pdfPageSizes(pdf: Uint8Array): { width: number; height: number }[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  return [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}
