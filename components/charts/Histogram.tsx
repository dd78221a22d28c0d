/**
 * Vertical histogram (e.g. first-response time). Each bar is a focusable button: click / Enter
 * opens what is behind it. Labels are SVG text nodes (never HTML from data).
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import { onActivate } from './activate';

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
  selectedId?: string;
  width?: number;
  height?: number;
}

const M = { top: 10, right: 8, bottom: 40, left: 36 };

export function Histogram({ bins, title, describe, onSelect, selectedId, width = 520, height = 220 }: Props) {
  const x = scaleBand<string>().domain(bins.map((b) => b.id)).range([M.left, width - M.right]).padding(0.12);
  const y = scaleLinear().domain([0, Math.max(1, max(bins, (b) => b.count) ?? 0)]).nice().range([height - M.bottom, M.top]);
  const ticks = y.ticks(4);
  return (
    <svg className="chart histogram" role="group" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%">
      {ticks.map((t) => (
        <g key={t}>
          <line className="grid" x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
          <text className="tick" x={M.left - 4} y={y(t)} dy="0.32em" textAnchor="end">{t}</text>
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
            {/* Ranges ("15 min–30 min") wrap onto two lines so neighbouring labels never collide. */}
            <text className="tick" x={bx + x.bandwidth() / 2} y={height - M.bottom + 14} textAnchor="middle">
              {b.label.split('–').map((part, k, parts) => (
                <tspan key={k} x={bx + x.bandwidth() / 2} dy={k === 0 ? 0 : '1.1em'}>
                  {k < parts.length - 1 ? `${part}–` : part}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
