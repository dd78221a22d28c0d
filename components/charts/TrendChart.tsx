/**
 * Weekly trend: a line over the weeks with a focusable point per week (click / Enter → that week's
 * interactions). Weeks without data break the line instead of drawing a fake zero.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { onActivate } from './activate';

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
  selectedId?: string;
  /** A horizontal target line (goal), when there is one. */
  target?: number;
  width?: number;
  height?: number;
}

const M = { top: 12, right: 12, bottom: 34, left: 40 };

export function TrendChart({ points, title, onSelect, selectedId, target, width = 520, height = 200 }: Props) {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const hi = Math.max(1, target ?? 0, ...values);
  const x = scalePoint<string>().domain(points.map((p) => p.id)).range([M.left, width - M.right]).padding(0.5);
  const y = scaleLinear().domain([0, hi]).nice().range([height - M.bottom, M.top]);
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
    <svg className="chart trend" role="group" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%">
      {y.ticks(4).map((t) => (
        <g key={t}>
          <line className="grid" x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
          <text className="tick" x={M.left - 4} y={y(t)} dy="0.32em" textAnchor="end">{t}</text>
        </g>
      ))}
      {target !== undefined && <line className="target" x1={M.left} x2={width - M.right} y1={y(target)} y2={y(target)} />}
      {segments.map((d) => <path key={d} className="line" d={d} />)}
      {points.map((p) => {
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
            <text className="tick" x={px} y={height - M.bottom + 14} textAnchor="middle">{p.label}</text>
          </g>
        );
      })}
    </svg>
  );
}
