/**
 * The table behind a chart, for screen readers (visually hidden; the SVG stays for sighted users
 * and keyboard drill-down). Cells are plain text nodes. Hidden by a wrapping block: a table
 * ignores its own width and overflow, so a hidden table alone still widened a narrow page.
 */
interface Props {
  caption: string;
  columns: readonly string[];
  rows: readonly { id: string; cells: readonly string[] }[];
}

export function ChartTable({ caption, columns, rows }: Props) {
  return (
    <div className="sr-only">
      <table className="chart-table">
        <caption>{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {r.cells.map((c, i) => (i === 0 ? <th key={i} scope="row">{c}</th> : <td key={i}>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
