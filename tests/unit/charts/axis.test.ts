import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueAxis } from '@/components/charts/axis';

const RANGE: [number, number] = [200, 10]; // SVG: bottom to top

describe('count axes', () => {
  it.each([
    [[0], [0, 1]],
    [[1], [0, 1]],
    [[2], [0, 1, 2]],
    [[3], [0, 1, 2, 3]],
    [[7], [0, 2, 4, 6, 8]],
    [[1, 0, 1], [0, 1]],
  ])('%j → ticks %j', (values, ticks) => {
    expect(valueAxis(values, RANGE, { integer: true }).ticks).toEqual(ticks);
  });

  it('never has a fractional tick and the top tick holds the largest count (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { maxLength: 30 }), (values) => {
        const { scale, ticks } = valueAxis(values, RANGE, { integer: true });
        expect(ticks.every(Number.isInteger)).toBe(true);
        const top = ticks[ticks.length - 1] ?? 0;
        expect(top).toBe(scale.domain()[1]);
        for (const v of values) expect(v).toBeLessThanOrEqual(top);
      }),
    );
  });
});

describe('value axes (minutes)', () => {
  it('the top gridline is at or above every value, also for one point (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }), (values) => {
        const { scale, ticks } = valueAxis(values, RANGE);
        const top = ticks[ticks.length - 1] ?? 0;
        expect(top).toBe(scale.domain()[1]);
        for (const v of values) expect(scale(v)).toBeGreaterThanOrEqual(scale(top));
      }),
    );
  });

  it('contains a goal line above the data', () => {
    const { ticks } = valueAxis([5], RANGE, { also: 60 });
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(60);
  });
});
