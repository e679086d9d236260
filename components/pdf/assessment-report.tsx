import { Document, Text } from "@react-pdf/renderer";
import { chunkByHeight } from "@/lib/reports/chunk";
import type { TAssessmentReport } from "@/lib/reports/types";
import { AnswerItem, answerItemLines, type TAnswerItem } from "./answer-rows";
import { EvidenceAndFindings, SignOff } from "./closing";
import { FlagBlock, flagLines } from "./flag-block";
import { ReportPage } from "./frame";
import { SiteMap } from "./site-map";
import { Cover, ExecutiveSummary } from "./summary";
import { s } from "./theme";

// Body lines that fit between the running header and footer of an A4 page at 9 pt, less a
// margin for the estimate's error: a chunk that still overflows wraps onto one more page,
// which costs that chunk only.
const PAGE_LINES = 50;
const MAX_DISTANCE_ROWS = 40;

export type TAssessmentReportDocProps = {
  report: TAssessmentReport;
  onPage?: (page: number, total: number | undefined) => void;
  /** Pages the document will about have, for progress before layout knows the total. */
  onPageCount?: (pages: number) => void;
};

export function AssessmentReportDoc({ report: r, onPage, onPageCount }: TAssessmentReportDocProps) {
  const frame = {
    running: `${r.vendor.name} · ${r.questionnaire.title}`,
    generatedAt: r.dates.generatedAt,
    asOf: r.dates.asOf,
    onPage,
  };
  const flagChunks = chunkByHeight({
    items: r.flags,
    linesOf: flagLines,
    capacity: PAGE_LINES - 3,
  });
  const items: TAnswerItem[] = r.sections.flatMap((sec) =>
    sec.rows.length
      ? [
          { kind: "section" as const, title: sec.title },
          ...sec.rows.map((row) => ({ kind: "row" as const, row })),
        ]
      : [],
  );
  const answerChunks = chunkByHeight({ items, linesOf: answerItemLines, capacity: PAGE_LINES - 3 });
  onPageCount?.(4 + Math.max(1, flagChunks.length) + answerChunks.length);
  return (
    <Document
      title={`${r.vendor.name} BC/DR report`}
      author="Resilience Ledger"
      subject={r.questionnaire.title}
    >
      <ReportPage {...frame}>
        <Cover report={r} />
      </ReportPage>
      <ReportPage {...frame}>
        <ExecutiveSummary report={r} />
      </ReportPage>
      {flagChunks.length === 0 ? (
        <ReportPage {...frame}>
          <Text style={s.h2}>Flags</Text>
          <Text style={s.muted}>The rules engine raised no flags.</Text>
        </ReportPage>
      ) : (
        flagChunks.map((chunk, i) => (
          <ReportPage key={chunk[0]?.id ?? i} {...frame}>
            <Text style={s.h2}>
              {i === 0
                ? `Flags (${r.flags.length})`
                : `Flags (continued, ${i + 1} of ${flagChunks.length})`}
            </Text>
            {chunk.map((f) => (
              <FlagBlock key={f.id} flag={f} />
            ))}
          </ReportPage>
        ))
      )}
      <ReportPage {...frame}>
        <SiteMap map={r.siteMap} distances={r.distances.slice(0, MAX_DISTANCE_ROWS)} />
        {r.distances.length > MAX_DISTANCE_ROWS && (
          <Text
            style={[s.small, s.muted]}
          >{`${r.distances.length - MAX_DISTANCE_ROWS} more pairs are listed in the print view.`}</Text>
        )}
      </ReportPage>
      {answerChunks.map((chunk, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: chunks are positional and static
        <ReportPage key={i} {...frame}>
          <Text style={s.h2}>
            {i === 0 ? "Answers by section" : "Answers by section (continued)"}
          </Text>
          {chunk.map((item, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and static
            <AnswerItem key={j} item={item} />
          ))}
        </ReportPage>
      ))}
      <ReportPage {...frame}>
        <EvidenceAndFindings report={r} />
        <SignOff report={r} />
      </ReportPage>
    </Document>
  );
}
