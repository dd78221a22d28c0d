/**
 * Weekly trend: a line over the weeks with a focusable point per week (click / Enter → that week's
 * interactions). Weeks without data break the line instead of drawing a fake zero. The value axis
 * always contains every point (and the goal line); a single week is drawn as a labelled point,
 * no data at all as a sentence.
 */
import { scalePoint } from 'd3-scale';
import { onActivate } from './activate';
import { valueAxis } from './axis';
import { ChartTable } from './ChartTable';
import { useFittedWidth } from './fit';

export interface TrendPoint {
  id: string; // ISO week
  label: string;
  value: number | null;
  display: string;
}

interface Props {
  points: readonly TrendPoint[];
  title: string;
  onSelect: (p: TrendPoint) => void;
  /** Shown instead of the chart when no week has a value. */
  empty: string;
  /** Shown under a chart of a single week: a trend needs two. */
  onePoint: string;
  /** Column headings of the text alternative: [week, value]. */
  columns: readonly [string, string];
  formatTick: (value: number) => string;
  selectedId?: string;
  /** A horizontal target line (goal), when there is one. */
  target?: number;
  width?: number;
  height?: number;
}

const M = { top: 12, right: 12, bottom: 34, left: 56 };
/** A 10 px tick's width per character, generous: "23 нояб." must not touch the next week's. */
const CHAR_PX = 6.5;

export function TrendChart({ points, title, onSelect, empty, onePoint, columns, formatTick, selectedId, target, width: maxWidth = 520, height = 200 }: Props) {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const { ref, width } = useFittedWidth(maxWidth, values.length > 0);
  if (values.length === 0) return <p className="muted chart-empty" data-chart-empty>{empty}</p>;
  const single = values.length === 1;
  const x = scalePoint<string>().domain(points.map((p) => p.id)).range([M.left, width - M.right]).padding(0.5);
  // Every n-th week's label, so that none overlaps its neighbour (a quarter has 13 weeks).
  const longest = Math.max(...points.map((p) => p.label.length));
  const labelEvery = Math.max(1, Math.ceil((longest * CHAR_PX + 6) / Math.max(1, x.step())));
  const { scale: y, ticks } = valueAxis(values, [height - M.bottom, M.top], target === undefined ? {} : { also: target });
  const segments: string[] = [];
  let current = '';
  for (const p of points) {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      continue;
    }
    current += `${current ? 'L' : 'M'}${x(p.id) ?? 0},${y(p.value)}`;
  }
  if (current) segments.push(current);
  return (
    <>
      <div ref={ref} className="chart-fit">
        <svg className="chart trend" role="group" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%">
          {ticks.map((t) => (
            <g key={t}>
              <line className="grid" x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
              <text className="tick" x={M.left - 4} y={y(t)} dy="0.32em" textAnchor="end">{formatTick(t)}</text>
            </g>
          ))}
          {target !== undefined && <line className="target" x1={M.left} x2={width - M.right} y1={y(target)} y2={y(target)} />}
          {segments.map((d) => <path key={d} className="line" d={d} />)}
          {points.map((p, i) => {
            const px = x(p.id) ?? 0;
            const label = `${p.label}: ${p.display}`;
            return (
              <g key={p.id}>
                {p.value !== null && (
                  <circle
                    className={`point${p.id === selectedId ? ' selected' : ''}`}
                    data-week={p.id}
                    role="button"
                    tabIndex={0}
                    aria-label={label}
                    aria-pressed={p.id === selectedId}
                    cx={px}
                    cy={y(p.value)}
                    r={5}
                    onClick={() => onSelect(p)}
                    onKeyDown={onActivate(() => onSelect(p))}
                  >
                    <title>{label}</title>
                  </circle>
                )}
                {/* One week has no line to read: its value is written next to the point. */}
                {single && p.value !== null && <text className="value-label" x={px + 9} y={y(p.value)} dy="0.32em">{p.display}</text>}
                {i % labelEvery === 0 && <text className="tick" x={px} y={height - M.bottom + 14} textAnchor="middle">{p.label}</text>}
              </g>
            );
          })}
        </svg>
      </div>
      {single && <p className="hint" data-chart-one-point>{onePoint}</p>}
      <ChartTable caption={title} columns={columns} rows={points.map((p) => ({ id: p.id, cells: [p.label, p.display] }))} />
    </>
  );
}
