/**
 * Weekday × hour heat map of volume against staffed hours: staffed cells are outlined, busy cells
 * nobody staffs are marked (hatched border + "!" in the label). Every cell with volume is a focusable
 * button (click / Enter → drill-down); arrow keys move between cells like a grid.
 */
import { scaleSequential } from 'd3-scale';
import { useRef, type KeyboardEvent } from 'react';
import { ChartTable } from './ChartTable';

export interface HeatCell {
  weekday: number; // 0 = Sunday
  hour: number;
  value: number;
  staffed: boolean;
  /** Replies logged in this hour: the cover agents actually gave. */
  replies: number;
  /** Busy and nobody replied in it: the cells a lead should look at first. */
  peak: boolean;
}

interface Props {
  cells: readonly HeatCell[]; // 168, weekday-major
  title: string;
  weekdayLabels: readonly string[]; // 7, Sunday first
  describe: (cell: HeatCell) => string;
  onSelect: (cell: HeatCell) => void;
  /** The text alternative lists the hours with posts: [hour, what happened]. */
  columns: readonly [string, string];
  selected?: { weekday: number; hour: number };
}

const CELL = 22;
const LEFT = 40;
const TOP = 18;
// Monday first, as people read a work week.
const ROW_ORDER = [1, 2, 3, 4, 5, 6, 0];

function ramp(t: number): string {
  // Light → deep blue; readable in both themes, monotone in lightness for colour-blind readers.
  const l = 95 - 60 * t;
  return `hsl(215 70% ${l}%)`;
}

export function HeatMap({ cells, title, weekdayLabels, describe, onSelect, columns, selected }: Props) {
  const maxValue = Math.max(1, ...cells.map((c) => c.value));
  const color = scaleSequential((t: number) => ramp(t)).domain([0, maxValue]);
  const ref = useRef<SVGSVGElement>(null);
  const width = LEFT + 24 * CELL + 4;
  const height = TOP + 7 * CELL + 4;

  const move = (event: KeyboardEvent<SVGRectElement>, cell: HeatCell) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(cell);
      return;
    }
    const row = ROW_ORDER.indexOf(cell.weekday);
    const delta: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const d = delta[event.key];
    if (!d) return;
    event.preventDefault();
    const nextRow = Math.min(6, Math.max(0, row + d[0]));
    const nextHour = Math.min(23, Math.max(0, cell.hour + d[1]));
    ref.current?.querySelector<SVGRectElement>(`[data-weekday="${ROW_ORDER[nextRow] ?? 1}"][data-hour="${nextHour}"]`)?.focus();
  };

  const busy = ROW_ORDER.flatMap((weekday) => cells.filter((c) => c.weekday === weekday && c.value > 0));
  return (
    <>
    <svg ref={ref} className="chart heatmap" role="grid" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%">
      {[0, 3, 6, 9, 12, 15, 18, 21].map((h) => (
        <text key={h} className="tick" x={LEFT + h * CELL + CELL / 2} y={TOP - 6} textAnchor="middle">{h}</text>
      ))}
      {ROW_ORDER.map((weekday, row) => (
        <g key={weekday} role="row">
          <text className="tick" x={LEFT - 6} y={TOP + row * CELL + CELL / 2} dy="0.32em" textAnchor="end">{weekdayLabels[weekday]}</text>
          {cells
            .filter((c) => c.weekday === weekday)
            .map((c) => {
              const isSelected = selected?.weekday === c.weekday && selected.hour === c.hour;
              const cls = ['cell', c.staffed ? 'staffed' : '', c.peak ? 'peak' : '', isSelected ? 'selected' : ''].filter(Boolean).join(' ');
              return (
                <rect
                  key={c.hour}
                  role="gridcell"
                  className={cls}
                  data-weekday={c.weekday}
                  data-hour={c.hour}
                  data-value={c.value}
                  tabIndex={c.weekday === 1 && c.hour === 9 ? 0 : -1}
                  aria-label={describe(c)}
                  aria-selected={isSelected}
                  x={LEFT + c.hour * CELL + 1}
                  y={TOP + row * CELL + 1}
                  width={CELL - 2}
                  height={CELL - 2}
                  fill={c.value === 0 ? 'transparent' : color(c.value)}
                  onClick={() => onSelect(c)}
                  onKeyDown={(e) => move(e, c)}
                >
                  <title>{describe(c)}</title>
                </rect>
              );
            })}
        </g>
      ))}
    </svg>
    <ChartTable caption={title} columns={columns} rows={busy.map((c) => ({ id: `${c.weekday}-${c.hour}`, cells: [`${weekdayLabels[c.weekday] ?? ''} ${c.hour}:00`, describe(c)] }))} />
    </>
  );
}
