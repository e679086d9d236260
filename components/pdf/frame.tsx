import { Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { s } from "./theme";

export type TReportPageProps = {
  /** Left of the running header, e.g. the vendor and questionnaire. */
  running: string;
  generatedAt: string;
  asOf: string | null;
  children: ReactNode;
  onPage?: (page: number, total: number | undefined) => void;
};

/** A page with the running header and the footer every page carries: dates and "Page x of y". */
export function ReportPage({ running, generatedAt, asOf, children, onPage }: TReportPageProps) {
  return (
    <Page size="A4" style={s.page}>
      <View style={s.header} fixed>
        <Text>{running}</Text>
        <Text>Resilience Ledger · Confidential</Text>
      </View>
      <View style={s.footer} fixed>
        <Text>{`Generated ${generatedAt}${asOf ? ` · answers judged as of ${asOf}` : ""}`}</Text>
      </View>
      {/* A render-prop Text in a row View, or placed with `bottom` on a padded page, vanishes
          in react-pdf 4.9: it stands alone, placed from the top. */}
      <Text
        style={s.pageNumber}
        fixed
        render={({ pageNumber, totalPages }) => {
          // Layout runs this once per page without totalPages, drawing once more with it.
          onPage?.(pageNumber, Number.isFinite(totalPages) ? totalPages : undefined);
          return `Page ${pageNumber} of ${totalPages}`;
        }}
      />
      {children}
    </Page>
  );
}
