import type { ReactNode } from "react";
import { safeNode } from "./safe-text";

// The one HTML table of the app. Columns are data, so every screen gets the same header,
// caption, empty state and overflow handling: a table wider than its box scrolls inside a
// labelled, focusable region (keyboard users can scroll it too) instead of widening the page.
// The region's width never comes from its content (inline-size containment), so a wide table
// cannot stretch the grid or flex column it sits in; `relative` keeps the absolutely placed
// screen-reader texts inside the table within the region, where they are clipped.
// No hooks and no ids, so it renders in server and client components and with
// react-dom/server (the print view) alike.

export type TTableColumn<Row> = {
  header: ReactNode;
  /** React key of the column; the header when that is a string. */
  key?: string;
  cell: (row: Row, index: number) => ReactNode;
  /** This column names its row: its cells are `<th scope="row">` (medium weight). */
  rowHeader?: boolean;
  align?: "end" | "center";
  /** Extra classes on this column's body cells. */
  className?: string;
  /** Extra classes on this column's header cell. */
  headerClassName?: string;
  /** The column the rows are sorted by, and which way (aria-sort). */
  sort?: "ascending" | "descending";
};

/**
 * list: a screen's main table; compact: a widget's small table; grid: cells drawn by the
 * caller (a heat map); print: the printed report; hidden: read by screen readers only (the
 * data behind a chart).
 */
export type TTableVariant = "list" | "compact" | "grid" | "print" | "hidden";

export type TTableProps<Row> = {
  /** Names the table and its scroll region. */
  caption: string;
  /** Show the caption above the table; screen readers read it either way. */
  captionVisible?: boolean;
  /** A line under a visible caption. */
  description?: ReactNode;
  columns: readonly TTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  rowProps?: (row: Row, index: number) => { className?: string; "data-testid"?: string };
  /** Cells of a closing `<tfoot>` row, e.g. totals. */
  footer?: ReactNode;
  variant?: TTableVariant;
  /** Extra classes on the `<table>` element. */
  className?: string;
};

type TStyle = { table: string; head: string; th: string; body: string; row: string; td: string };

const PRINT_EXACT = "[-webkit-print-color-adjust:exact] [print-color-adjust:exact]";

const STYLES: Record<TTableVariant, TStyle> = {
  list: {
    table: "min-w-full text-left text-sm",
    head: "border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600",
    th: "py-2 pr-4 font-semibold last:pr-0",
    body: "divide-y divide-slate-100",
    row: "align-top",
    td: "py-2 pr-4 last:pr-0",
  },
  compact: {
    table: "w-full text-left text-sm",
    head: "border-b border-slate-200 text-xs text-slate-500",
    th: "py-2 pr-3 font-medium last:pr-0",
    body: "divide-y divide-slate-100",
    row: "",
    td: "py-1.5 pr-3 last:pr-0",
  },
  grid: {
    table: "w-full table-fixed border-separate border-spacing-1 text-sm",
    head: "text-xs text-slate-600",
    th: "font-medium",
    body: "",
    row: "",
    td: "p-0",
  },
  print: {
    table: "w-full border-collapse text-left text-sm",
    head: `bg-indigo-950 text-xs text-white ${PRINT_EXACT}`,
    th: "px-2 py-1.5 font-semibold",
    body: "",
    row: "break-inside-avoid border-b border-slate-200 align-top even:bg-slate-50",
    td: "px-2 py-1",
  },
  hidden: { table: "", head: "", th: "", body: "", row: "", td: "" },
};

const ALIGN = { end: "text-right", center: "text-center" } as const;

const cx = (...classes: (string | false | undefined)[]) => classes.filter(Boolean).join(" ");

const columnKey = <Row,>(column: TTableColumn<Row>, index: number) =>
  column.key ?? (typeof column.header === "string" ? column.header : String(index));

export function Table<Row>({
  caption,
  captionVisible = false,
  description,
  columns,
  rows,
  rowKey,
  empty,
  rowProps,
  footer,
  variant = "list",
  className,
}: TTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined)
    return <p className="text-sm text-slate-600">{empty}</p>;
  const s = STYLES[variant];
  const table = (
    <table className={cx(s.table, className)}>
      <caption
        className={cx(
          captionVisible
            ? "mb-2 text-left text-sm font-semibold text-slate-900"
            : variant !== "hidden" && "sr-only",
        )}
      >
        {caption}
        {description && (
          <span className="block text-xs font-normal text-slate-600">{description}</span>
        )}
      </caption>
      <thead className={s.head}>
        <tr>
          {columns.map((c, j) => (
            <th
              key={columnKey(c, j)}
              scope="col"
              aria-sort={c.sort}
              className={cx(s.th, c.align && ALIGN[c.align], c.headerClassName)}
            >
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={s.body}>
        {rows.map((row, i) => {
          const props = rowProps?.(row, i);
          return (
            <tr key={rowKey(row, i)} {...props} className={cx(s.row, props?.className)}>
              {columns.map((c, j) => {
                const cellClass = cx(s.td, c.align && ALIGN[c.align], c.className);
                return c.rowHeader ? (
                  <th key={columnKey(c, j)} scope="row" className={cx("font-medium", cellClass)}>
                    {safeNode(c.cell(row, i))}
                  </th>
                ) : (
                  <td key={columnKey(c, j)} className={cellClass}>
                    {safeNode(c.cell(row, i))}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
      {footer && (
        <tfoot>
          <tr>{footer}</tr>
        </tfoot>
      )}
    </table>
  );
  // sr-only on the <table> itself would not hide it: a table ignores width and overflow, so its
  // full-size (if invisible) box would still widen the page. A 1 px block clips it.
  if (variant === "hidden") return <div className="sr-only">{table}</div>;
  return (
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must take focus, or keyboard users cannot scroll it
      tabIndex={0}
      className="relative max-w-full overflow-x-auto contain-inline-size print:overflow-visible"
    >
      {table}
    </section>
  );
}
