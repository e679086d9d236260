import { Document } from "@react-pdf/renderer";
import { flowPages } from "@/lib/reports/chunk";
import type { TAssessmentReport } from "@/lib/reports/types";
import { AnswerItem, answerItemHeight, type TAnswerItem } from "./answer-rows";
import { h2Block, paraBlock } from "./blocks";
import { closingBlocks } from "./closing";
import { FlagBlock, flagHeight } from "./flag-block";
import { ReportPages, type TNumbering } from "./frame";
import { siteMapBlocks } from "./site-map";
import { Cover, summaryBlocks } from "./summary";
import type { TBlock } from "./table";
import { CONTENT_HEIGHT } from "./theme";

// Page body height less a safety margin for the estimate's error. A page whose content still
// overflows spills onto one more page, which render.tsx notices (page count) and answers with
// a render that numbers pages dynamically.
const CAPACITY = CONTENT_HEIGHT - 14;

/** The report cut into pages before layout: each entry is one <Page> of blocks. */
export type TAssessmentPlan = { pages: TBlock[][] };

export type TPlanOptions = {
  /** Body height a page may fill (points); tests raise it to provoke an overflow. */
  capacity?: number;
};

export function planAssessmentReport(
  r: TAssessmentReport,
  { capacity = CAPACITY }: TPlanOptions = {},
): TAssessmentPlan {
  const flagsContinued = [h2Block("flags-c", "Flags (continued)")];
  const flags: TBlock[] = r.flags.length
    ? [
        h2Block("flags", `Flags (${r.flags.length})`),
        ...r.flags.map((f) => ({
          key: f.id,
          height: flagHeight(f),
          continued: flagsContinued,
          node: <FlagBlock flag={f} />,
        })),
      ]
    : [
        h2Block("flags", "Flags"),
        paraBlock("no-flags", "The rules engine raised no flags.", { muted: true }),
      ];
  const answersContinued = [h2Block("answers-c", "Answers by section (continued)")];
  const answers: TBlock[] = [h2Block("answers", "Answers by section")];
  for (const sec of r.sections) {
    if (!sec.rows.length) continue;
    const head: TAnswerItem = { kind: "section", title: sec.title };
    answers.push({
      key: `sec-${sec.id}`,
      height: answerItemHeight(head),
      keepWithNext: true,
      continued: answersContinued,
      node: <AnswerItem item={head} />,
    });
    const sectionContinued = [
      ...answersContinued,
      {
        key: `sec-${sec.id}-c`,
        height: answerItemHeight({ kind: "section", title: `${sec.title} (continued)` }),
        node: <AnswerItem item={{ kind: "section", title: `${sec.title} (continued)` }} />,
      },
    ];
    for (const row of sec.rows) {
      const item: TAnswerItem = { kind: "row", row };
      answers.push({
        key: `${sec.id}-${row.questionId}`,
        height: answerItemHeight(item),
        continued: sectionContinued,
        node: <AnswerItem item={item} />,
      });
    }
  }
  const cover: TBlock = { key: "cover", height: 0, node: <Cover report={r} /> };
  const pages = flowPages({
    capacity,
    sections: [
      [cover],
      summaryBlocks(r),
      flags,
      siteMapBlocks({ map: r.siteMap, distances: r.distances, distancesNote: r.distancesNote }),
      ...(answers.length > 1 ? [answers] : []),
      closingBlocks(r),
    ],
  });
  return { pages };
}

export type TAssessmentReportDocProps = {
  report: TAssessmentReport;
  plan: TAssessmentPlan;
  /** Static page numbers from the plan, or react-pdf's dynamic ones (after an overflow). */
  numbering: TNumbering;
};

export function AssessmentReportDoc({ report: r, plan, numbering }: TAssessmentReportDocProps) {
  return (
    <Document
      title={`${r.vendor.name} BC/DR report`}
      author="Resilience Ledger"
      subject={r.questionnaire.title}
    >
      <ReportPages
        pages={plan.pages}
        numbering={numbering}
        running={`${r.vendor.name} · ${r.questionnaire.title}`}
        generatedAt={r.dates.generatedAt}
        asOf={r.dates.asOf}
      />
    </Document>
  );
}
