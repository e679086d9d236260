import { Page, Text, View } from "@react-pdf/renderer";
import { Fragment, type ReactNode } from "react";
import type { TBlock } from "./table";
import { s } from "./theme";
import { fontStyle } from "./txt";

/**
 * How "Page x of y" is printed. `static`: the page plan knows both numbers before layout, so
 * the page has no render callback, does not wrap, and react-pdf lays it out once (render.tsx
 * checks afterwards that nothing overflowed). `dynamic`: react-pdf's render callback on
 * wrapping pages, which lays every page out again twice; used only after an overflow.
 */
export type TPageNumber =
  | { kind: "static"; page: number; total: number }
  | { kind: "dynamic"; onPage?: (page: number, total: number | undefined) => void };

export type TReportPageProps = {
  /** The running header, e.g. the vendor and questionnaire. */
  running: string;
  generatedAt: string;
  asOf: string | null;
  number: TPageNumber;
  children: ReactNode;
};

/** A page with the running header and the footer every page carries: dates and "Page x of y". */
export function ReportPage({ running, generatedAt, asOf, number, children }: TReportPageProps) {
  const isStatic = number.kind === "static";
  return (
    <Page size="A4" style={s.page} wrap={!isStatic}>
      <Text style={fontStyle(s.header, running)} fixed>
        {`Resilience Ledger  ·  ${running}`}
      </Text>
      <Text style={s.footer} fixed>
        {`Confidential  ·  Generated ${generatedAt}${asOf ? `  ·  Answers judged as of ${asOf}` : ""}`}
      </Text>
      {isStatic ? (
        <Text style={s.pageNumber}>{`Page ${number.page} of ${number.total}`}</Text>
      ) : (
        <Text
          style={s.pageNumber}
          fixed
          render={({ pageNumber, totalPages }) => {
            // Layout runs this once per page without totalPages, drawing once more with it.
            number.onPage?.(pageNumber, Number.isFinite(totalPages) ? totalPages : undefined);
            return `Page ${pageNumber} of ${totalPages}`;
          }}
        />
      )}
      {isStatic ? <View style={s.body}>{children}</View> : children}
    </Page>
  );
}

/** How a document asks for its page numbers (see `TPageNumber`). */
export type TNumbering = "static" | { onPage?: (page: number, total: number | undefined) => void };

export type TReportPagesProps = Omit<TReportPageProps, "number" | "children"> & {
  /** The planned pages, each a list of blocks (lib/reports/chunk.ts). */
  pages: readonly (readonly TBlock[])[];
  numbering: TNumbering;
};

/** Every planned page in the report frame, numbered statically or by react-pdf. */
export function ReportPages({ pages, numbering, ...frame }: TReportPagesProps) {
  const total = pages.length;
  return pages.map((blocks, i) => (
    <ReportPage
      key={blocks[0]?.key ?? i}
      {...frame}
      number={
        numbering === "static"
          ? { kind: "static", page: i + 1, total }
          : { kind: "dynamic", onPage: numbering.onPage }
      }
    >
      {blocks.map((b) => (
        <Fragment key={b.key}>{b.node}</Fragment>
      ))}
    </ReportPage>
  ));
}
