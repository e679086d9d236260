import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { TFlowBlock } from "@/lib/reports/chunk";
import { textLines } from "./measure";
import { CONTENT_WIDTH, LINE_HEIGHT, s } from "./theme";
import { Txt } from "./txt";

export type TColumn = { title: string; flex: number };
/** A cell: plain text, or a node drawn in its place with the text it holds (for its height). */
export type TCell = string | { text: string; node: ReactNode };

export type TBlock = TFlowBlock<ReactNode>;

const CELL_PAD = 4;
const HEAD_SIZE = 8;
const BODY_SIZE = 9;

export type TTableBlocksInput = {
  key: string;
  columns: readonly TColumn[];
  rows: readonly (readonly TCell[])[];
  /** Blocks repeated above the head when the table continues on a new page. */
  continued?: readonly TBlock[];
  width?: number;
};

function cellWidths(columns: readonly TColumn[], width: number) {
  const total = columns.reduce((n, c) => n + c.flex, 0);
  return columns.map((c) => (width * c.flex) / total - 2 * CELL_PAD);
}

const textOf = (cell: TCell) => (typeof cell === "string" ? cell : cell.text);

/**
 * A flat table as flow blocks: the head (kept with the first row) and one block per row, each
 * row repeating the head when it starts a page. Each row is one View of Text cells.
 */
export function tableBlocks({
  key,
  columns,
  rows,
  continued = [],
  width = CONTENT_WIDTH,
}: TTableBlocksInput): TBlock[] {
  const widths = cellWidths(columns, width);
  const headLines = Math.max(
    ...columns.map((c, j) =>
      textLines({ text: c.title, fontSize: HEAD_SIZE, bold: true, width: widths[j] ?? 50 }),
    ),
  );
  const head: TBlock = {
    key: `${key}-head`,
    height: 8 + headLines * HEAD_SIZE * LINE_HEIGHT,
    keepWithNext: true,
    node: (
      <View style={s.tableHead}>
        {columns.map((c) => (
          <Text key={c.title} style={[s.cell, { flex: c.flex }]}>
            {c.title}
          </Text>
        ))}
      </View>
    ),
  };
  const again = [...continued, head];
  return [
    head,
    ...rows.map((cells, i) => {
      const lines = Math.max(
        1,
        ...cells.map((cell, j) =>
          textLines({ text: textOf(cell), fontSize: BODY_SIZE, width: widths[j] ?? 50 }),
        ),
      );
      return {
        key: `${key}-${i}`,
        height: 7.5 + lines * BODY_SIZE * LINE_HEIGHT,
        continued: again,
        node: (
          <View style={i % 2 ? [s.row, s.rowAlt] : s.row} wrap={false}>
            {cells.map((cell, j) =>
              typeof cell === "string" ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <Txt key={j} style={[s.cell, { flex: columns[j]?.flex ?? 1 }]}>
                  {cell}
                </Txt>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <View key={j} style={[s.cell, { flex: columns[j]?.flex ?? 1 }]}>
                  {cell.node}
                </View>
              ),
            )}
          </View>
        ),
      };
    }),
  ];
}
