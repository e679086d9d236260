import { Text, View } from "@react-pdf/renderer";
import { describeFlagCode } from "@/lib/questionnaires/extension/schema";
import type { TReportFlag } from "@/lib/reports/types";
import { textLines, textWidth } from "./measure";
import { BODY_SIZE, CONTENT_WIDTH, LINE_HEIGHT, MUTED, RULE, SEVERITY_COLORS, s } from "./theme";
import { fontStyle } from "./txt";

// One flag is a bordered View holding a single Text: the severity tag, the title, the code, the
// explanation and the answers it names are inline runs (three paragraphs: tag, title and code;
// the explanation; the answers, a line each). Each Text node costs
// react-pdf a layout pass of its own, so one per flag instead of six is most of the saving.

const PAD_Y = 5;
const PAD_LEFT = 8;
const TITLE_SIZE = 10;
const TAG_SIZE = 7.5;
const CODE_SIZE = 7.5;
const ANSWER_SIZE = 8;
const TEXT_WIDTH = CONTENT_WIDTH - 3 - PAD_LEFT;

const st = {
  block: {
    borderLeftWidth: 3,
    paddingLeft: PAD_LEFT,
    paddingVertical: PAD_Y,
    marginBottom: 6,
    borderBottomWidth: 0.5,
    borderBottomColor: RULE,
  },
  tag: { fontSize: TAG_SIZE, fontWeight: "bold" as const },
  title: { fontSize: TITLE_SIZE, fontWeight: "bold" as const },
  code: { fontSize: CODE_SIZE, color: MUTED },
  answer: { fontSize: ANSWER_SIZE },
};

/** Height of a flag block in points, from the font metrics, for cutting flags into pages. */
export function flagHeight(f: TReportFlag): number {
  // The tag, title and code share the first paragraph (the code in smaller type, wrapping
  // onto a second line when the title is long).
  const titleWidth =
    textWidth({ text: ` ${f.severity.toUpperCase()}   `, fontSize: TAG_SIZE, bold: true }) +
    textWidth({ text: `${f.title}   `, fontSize: TITLE_SIZE, bold: true }) +
    textWidth({ text: describeFlagCode(f.code), fontSize: CODE_SIZE });
  const title = Math.max(1, Math.ceil((titleWidth * 1.02) / TEXT_WIDTH));
  const detail = textLines({ text: f.detail, fontSize: BODY_SIZE, width: TEXT_WIDTH });
  const answers = f.answers.reduce(
    (n, a) =>
      n + textLines({ text: `${a.label}: ${a.answer}`, fontSize: ANSWER_SIZE, width: TEXT_WIDTH }),
    0,
  );
  return (
    2 * PAD_Y +
    st.block.marginBottom +
    st.block.borderBottomWidth +
    title * TITLE_SIZE * LINE_HEIGHT +
    // The answers' smaller lines are as tall as the paragraph's body text.
    (detail + answers) * BODY_SIZE * LINE_HEIGHT
  );
}

/** One flag, kept whole on its page. */
export function FlagBlock({ flag }: { flag: TReportFlag }) {
  const c = SEVERITY_COLORS[flag.severity];
  return (
    <View wrap={false} style={[st.block, { borderLeftColor: c.bg }]}>
      <Text
        style={fontStyle(
          undefined,
          flag.title,
          flag.detail,
          ...flag.answers.flatMap((a) => [a.label, a.answer]),
        )}
      >
        <Text style={[st.tag, { color: c.fg, backgroundColor: c.bg }]}>
          {` ${flag.severity.toUpperCase()} `}
        </Text>
        <Text style={st.title}>{`  ${flag.title}   `}</Text>
        <Text style={st.code}>{describeFlagCode(flag.code)}</Text>
        {`\n${flag.detail}`}
        {flag.answers.map((a) => (
          <Text key={a.questionId} style={st.answer}>
            {"\n"}
            <Text style={s.bold}>{`${a.label}: `}</Text>
            {a.answer}
          </Text>
        ))}
      </Text>
    </View>
  );
}
