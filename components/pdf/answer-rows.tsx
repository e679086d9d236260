import { View } from "@react-pdf/renderer";
import type { TAnswerRow } from "@/lib/reports/types";
import { textLines } from "./measure";
import { BAND, BODY_SIZE, BRAND, CONTENT_WIDTH, LINE_HEIGHT, RULE } from "./theme";
import { Txt } from "./txt";

/** Answers flattened to one list of section headings and rows, so it can be page-chunked. */
export type TAnswerItem = { kind: "section"; title: string } | { kind: "row"; row: TAnswerRow };

const CELL_PAD = 4;
const ROW_PAD = 3;
const LABEL_FLEX = 1;
const ANSWER_FLEX = 1.1;
const SECTION_SIZE = 10.5;
const LABEL_WIDTH = (CONTENT_WIDTH * LABEL_FLEX) / (LABEL_FLEX + ANSWER_FLEX) - 2 * CELL_PAD;
const ANSWER_WIDTH = (CONTENT_WIDTH * ANSWER_FLEX) / (LABEL_FLEX + ANSWER_FLEX) - 2 * CELL_PAD;
const FLAG_MARK = "  ⚑";

const st = {
  section: {
    fontSize: SECTION_SIZE,
    fontWeight: "bold" as const,
    color: BRAND,
    backgroundColor: BAND,
    padding: 4,
    marginTop: 6,
    marginBottom: 2,
  },
  row: {
    flexDirection: "row" as const,
    borderBottomWidth: 0.5,
    borderBottomColor: RULE,
    paddingVertical: ROW_PAD,
  },
  label: { flex: LABEL_FLEX, paddingHorizontal: CELL_PAD, color: "#334155" },
  answer: { flex: ANSWER_FLEX, paddingHorizontal: CELL_PAD },
  flagged: {
    flex: ANSWER_FLEX,
    paddingHorizontal: CELL_PAD,
    color: "#b91c1c",
    fontWeight: "bold" as const,
  },
};

/** Height of an item in points, from the font metrics, for cutting the list into pages. */
export function answerItemHeight(item: TAnswerItem): number {
  if (item.kind === "section")
    return (
      st.section.marginTop +
      st.section.marginBottom +
      2 * st.section.padding +
      textLines({
        text: item.title,
        fontSize: SECTION_SIZE,
        bold: true,
        width: CONTENT_WIDTH - 8,
      }) *
        SECTION_SIZE *
        LINE_HEIGHT
    );
  const { row } = item;
  const lines = Math.max(
    textLines({ text: row.label, fontSize: BODY_SIZE, width: LABEL_WIDTH }),
    textLines({
      text: row.flagged ? row.answer + FLAG_MARK : row.answer,
      fontSize: BODY_SIZE,
      bold: row.flagged,
      width: ANSWER_WIDTH,
    }),
  );
  return 2 * ROW_PAD + 0.5 + lines * BODY_SIZE * LINE_HEIGHT;
}

export function AnswerItem({ item }: { item: TAnswerItem }) {
  if (item.kind === "section") return <Txt style={st.section}>{item.title}</Txt>;
  const { row } = item;
  return (
    <View style={st.row} wrap={false}>
      <Txt style={st.label}>{row.label}</Txt>
      <Txt style={row.flagged ? st.flagged : st.answer}>
        {row.flagged ? row.answer + FLAG_MARK : row.answer}
      </Txt>
    </View>
  );
}
