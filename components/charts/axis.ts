/**
 * Value axes for the review charts. Counts are whole things: their ticks are integers. Every axis
 * is "niced" with the same tick count it draws, so its top gridline is the domain's top and no
 * mark can sit above it (nice() with d3's default of 10 ticks and ticks(4) disagree: [0, 7]).
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';

export const AXIS_TICKS = 4;

export interface Axis {
  scale: ScaleLinear<number, number>;
  ticks: number[];
}

/** A 0-based axis over [bottom, top] px that contains `values` (and `also`, e.g. a goal line). */
export function valueAxis(values: readonly number[], range: [number, number], options: { integer?: boolean; also?: number } = {}): Axis {
  const finite = values.filter(Number.isFinite);
  const hi = Math.max(options.integer ? 1 : 0, options.also ?? 0, ...finite);
  // A count axis from 0 to 2 has room for 0, 1, 2 only: fewer ticks than AXIS_TICKS, never halves.
  const count = options.integer ? Math.max(1, Math.min(AXIS_TICKS, Math.ceil(hi))) : AXIS_TICKS;
  const scale = scaleLinear()
    .domain([0, hi > 0 ? hi : 1])
    .nice(count)
    .range(range);
  const ticks = scale.ticks(count).filter((t) => !options.integer || Number.isInteger(t));
  // The top gridline must be the domain's top: when the ticks stop short of it, add one more step.
  const top = scale.domain()[1] ?? 1;
  const last = ticks[ticks.length - 1] ?? 0;
  if (last < top) {
    const step = ticks.length > 1 ? (ticks[1] ?? 0) - (ticks[0] ?? 0) : top;
    const lifted = last + Math.max(step, options.integer ? 1 : 0);
    ticks.push(lifted);
    scale.domain([0, lifted]);
  }
  return { scale, ticks };
}
