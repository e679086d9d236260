import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { s } from "./theme";

export type TColumn = { title: string; flex: number };

export type TTableProps = { columns: readonly TColumn[]; rows: readonly (readonly ReactNode[])[] };

/** A flat table: one row View of Text cells per row, header repeated on each chunk. */
export function Table({ columns, rows }: TTableProps) {
  return (
    <View>
      <View style={s.tableHead}>
        {columns.map((c) => (
          <Text key={c.title} style={[s.cell, { flex: c.flex }]}>
            {c.title}
          </Text>
        ))}
      </View>
      {rows.map((cells, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are static, never reordered
        <View key={i} style={i % 2 ? [s.row, s.rowAlt] : s.row} wrap={false}>
          {cells.map((cell, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
            <View key={j} style={[s.cell, { flex: columns[j]?.flex ?? 1 }]}>
              {typeof cell === "string" ? <Text>{cell}</Text> : cell}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
