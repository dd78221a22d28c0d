/**
 * Vertical histogram (e.g. first-response time). Each bar is a focusable button: click / Enter
 * opens what is behind it. Labels are SVG text nodes (never HTML from data). The count axis has
 * whole-number ticks; with nothing to count it says so instead of drawing an empty frame.
 */
import { scaleBand } from 'd3-scale';
import { onActivate } from './activate';
import { valueAxis } from './axis';
import { ChartTable } from './ChartTable';

export interface HistogramBin {
  id: string;
  label: string;
  count: number;
}

interface Props {
  bins: readonly HistogramBin[];
  title: string;
  /** Accessible name of one bar, e.g. "15–30 min: 12 replies". */
  describe: (bin: HistogramBin) => string;
  onSelect: (bin: HistogramBin) => void;
  /** Shown instead of the chart when every bin is empty. */
  empty: string;
  /** Column headings of the text alternative: [bin, count]. */
  columns: readonly [string, string];
  formatCount: (n: number) => string;
  selectedId?: string;
  width?: number;
  height?: number;
}

const M = { top: 10, right: 8, bottom: 40, left: 36 };

export function Histogram({ bins, title, describe, onSelect, empty, columns, formatCount, selectedId, width = 520, height = 220 }: Props) {
  if (bins.every((b) => b.count === 0)) return <p className="muted chart-empty" data-chart-empty>{empty}</p>;
  const x = scaleBand<string>().domain(bins.map((b) => b.id)).range([M.left, width - M.right]).padding(0.12);
  const { scale: y, ticks } = valueAxis(bins.map((b) => b.count), [height - M.bottom, M.top], { integer: true });
  return (
    <>
      <svg className="chart histogram" role="group" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%">
        {ticks.map((t) => (
          <g key={t}>
            <line className="grid" x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
            <text className="tick" x={M.left - 4} y={y(t)} dy="0.32em" textAnchor="end">{formatCount(t)}</text>
          </g>
        ))}
        {bins.map((b) => {
          const bx = x(b.id) ?? 0;
          const top = y(b.count);
          return (
            <g key={b.id}>
              <rect
                className={`bar${b.id === selectedId ? ' selected' : ''}`}
                data-bin={b.id}
                role="button"
                tabIndex={0}
                aria-label={describe(b)}
                aria-pressed={b.id === selectedId}
                x={bx}
                y={top}
                width={x.bandwidth()}
                height={Math.max(0, height - M.bottom - top)}
                onClick={() => onSelect(b)}
                onKeyDown={onActivate(() => onSelect(b))}
              >
                <title>{describe(b)}</title>
              </rect>
              {/* Ranges ("15 min – 30 min") wrap onto two lines so neighbouring labels never collide. */}
              <text className="tick" x={bx + x.bandwidth() / 2} y={height - M.bottom + 14} textAnchor="middle">
                {b.label.split(' – ').map((part, k, parts) => (
                  <tspan key={k} x={bx + x.bandwidth() / 2} dy={k === 0 ? 0 : '1.1em'}>
                    {k < parts.length - 1 ? `${part} –` : part}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable caption={title} columns={columns} rows={bins.map((b) => ({ id: b.id, cells: [b.label, formatCount(b.count)] }))} />
    </>
  );
}
