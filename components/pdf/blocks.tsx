import { textLines } from "./measure";
import { type TBlock, type TTableBlocksInput, tableBlocks } from "./table";
import { BODY_SIZE, CONTENT_WIDTH, LINE_HEIGHT, s } from "./theme";
import { Txt } from "./txt";

// Small flow blocks with their heights (points), shared by the report sections.

const H2_SIZE = 13;
const H3_SIZE = 10.5;

export function h2Block(key: string, title: string, marginTop = 0): TBlock {
  const lines = textLines({ text: title, fontSize: H2_SIZE, bold: true, width: CONTENT_WIDTH });
  return {
    key,
    height: 12 + marginTop + lines * H2_SIZE * LINE_HEIGHT,
    keepWithNext: true,
    node: <Txt style={marginTop ? [s.h2, { marginTop: 4 + marginTop }] : s.h2}>{title}</Txt>,
  };
}

export function h3Block(key: string, title: string): TBlock {
  const lines = textLines({ text: title, fontSize: H3_SIZE, bold: true, width: CONTENT_WIDTH });
  return {
    key,
    height: 12 + lines * H3_SIZE * LINE_HEIGHT,
    keepWithNext: true,
    node: <Txt style={s.h3}>{title}</Txt>,
  };
}

/** A body paragraph (9 pt), muted or not, with the usual space below. */
export function paraBlock(
  key: string,
  text: string,
  { muted = false, small = false } = {},
): TBlock {
  const size = small ? 8 : BODY_SIZE;
  const lines = textLines({ text, fontSize: size, width: CONTENT_WIDTH });
  const style = [s.para, ...(muted ? [s.muted] : []), ...(small ? [s.small] : [])];
  return { key, height: 6 + lines * size * LINE_HEIGHT, node: <Txt style={style}>{text}</Txt> };
}

export type TTableSectionInput = Omit<TTableBlocksInput, "continued"> & {
  title: string;
  /** The heading on the pages the table continues on (default: the title, "(continued)"). */
  continuedTitle?: string;
  /** Said instead of the table when there are no rows. */
  empty: string;
  marginTop?: number;
};

/** A titled table: heading, then its rows (the heading repeated on each further page), or `empty`. */
export function tableSection({
  key,
  title,
  continuedTitle = `${title} (continued)`,
  empty,
  marginTop,
  ...table
}: TTableSectionInput): TBlock[] {
  return [
    h2Block(key, title, marginTop),
    ...(table.rows.length === 0
      ? [paraBlock(`no-${key}`, empty, { muted: true })]
      : tableBlocks({ key, continued: [h2Block(`${key}-c`, continuedTitle)], ...table })),
  ];
}
