/** Horizontal bars with a value label (per-agent comparison). Each bar is a focusable button. */
import { scaleBand, scaleLinear } from 'd3-scale';
import { onActivate } from './activate';
import { ChartTable } from './ChartTable';
import { useFittedWidth } from './fit';

export interface Bar {
  id: string;
  label: string;
  value: number;
  /** Shown after the bar, e.g. "42 min". */
  display: string;
}

interface Props {
  bars: readonly Bar[];
  title: string;
  onSelect: (bar: Bar) => void;
  /** Column headings of the text alternative: [name, value]. */
  columns: readonly [string, string];
  selectedId?: string;
  width?: number;
}

const ROW = 26;
const LEFT = 120;
const RIGHT = 70;

export function BarChart({ bars, title, onSelect, columns, selectedId, width: maxWidth = 520 }: Props) {
  const { ref, width } = useFittedWidth(maxWidth);
  const height = Math.max(ROW, bars.length * ROW) + 4;
  const y = scaleBand<string>().domain(bars.map((b) => b.id)).range([2, height - 2]).padding(0.2);
  const x = scaleLinear().domain([0, Math.max(1, ...bars.map((b) => b.value))]).range([0, width - LEFT - RIGHT]);
  return (
    <>
    <div ref={ref} className="chart-fit">
      <svg className="chart bars" role="group" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%">
        {bars.map((b) => {
          const by = y(b.id) ?? 0;
          const label = `${b.label}: ${b.display}`;
          return (
            <g key={b.id}>
              <text className="tick" x={LEFT - 6} y={by + y.bandwidth() / 2} dy="0.32em" textAnchor="end">{b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label}</text>
              <rect
                className={`bar${b.id === selectedId ? ' selected' : ''}`}
                data-bar={b.id}
                role="button"
                tabIndex={0}
                aria-label={label}
                aria-pressed={b.id === selectedId}
                x={LEFT}
                y={by}
                width={Math.max(2, x(b.value))}
                height={y.bandwidth()}
                onClick={() => onSelect(b)}
                onKeyDown={onActivate(() => onSelect(b))}
              >
                <title>{label}</title>
              </rect>
              <text className="tick" x={LEFT + Math.max(2, x(b.value)) + 4} y={by + y.bandwidth() / 2} dy="0.32em">{b.display}</text>
            </g>
          );
        })}
      </svg>
    </div>
    <ChartTable caption={title} columns={columns} rows={bars.map((b) => ({ id: b.id, cells: [b.label, b.display] }))} />
    </>
  );
}
