import { describe, expect, it } from 'vitest';
import { binLabel, formatMinutes, formatPct, frtHistogram, heatCells, presetRange, staffedUnion, toReviewFilter } from '@/components/review/model';
import { periodOfDays } from '@/components/review/ExportLog';
import { fileSafe } from '@/components/review/download';
import { buildRollups } from '@/lib/review';
import { DEFAULT_BUSINESS_HOURS } from '@/lib/schemas';
import { entry } from '../review/helpers';

describe('period presets', () => {
  it.each([
    ['thisWeek', '2026-11-25', '2026-11-23', '2026-11-29'],
    ['thisWeek', '2026-11-23', '2026-11-23', '2026-11-29'],
    ['last30', '2026-11-23', '2026-10-25', '2026-11-23'],
    ['quarter', '2026-11-23', '2026-10-01', '2026-12-31'],
    ['quarter', '2026-02-28', '2026-01-01', '2026-03-31'],
  ] as const)('%s on %s → %s … %s', (preset, today, from, to) => {
    expect(presetRange(preset, today)).toEqual({ fromDay: from, toDay: to });
  });
});

describe('page filter → ReviewFilter', () => {
  it('leaves "all" choices out so every rollup bucket matches', () => {
    expect(toReviewFilter({ preset: 'quarter', fromDay: '2026-10-01', toDay: '2026-12-31', agent: '', site: '', brandId: '', reason: '' })).toEqual({ fromDay: '2026-10-01', toDay: '2026-12-31' });
    expect(toReviewFilter({ preset: 'custom', fromDay: 'a', toDay: 'b', agent: 'anna', site: 'x', brandId: 'acme', reason: 'complaint' })).toEqual({ fromDay: 'a', toDay: 'b', agents: ['anna'], sites: ['x'], brandIds: ['acme'], reason: 'complaint' });
  });
});

describe('formatting', () => {
  it.each([
    [null, '—'], [0, '0 min'], [59, '59 min'], [60, '1 h'], [90, '1 h 30 min'], [1440, '1 d'], [1500, '1 d 1 h'], [20.5, '21 min'],
  ] as const)('%s minutes → %s', (min, text) => expect(formatMinutes(min)).toBe(text));
  it.each([[null, '—'], [80, '80%'], [200 / 3, '66.7%']] as const)('%s → %s', (p, text) => expect(formatPct(p)).toBe(text));
  it('labels the open-ended last bin', () => expect(binLabel({ fromMin: 1440, toMin: Number.POSITIVE_INFINITY })).toBe('≥ 1 d'));
  it.each([['Анна Иванова', 'Анна-Иванова'], ['../../etc', 'etc'], ['', 'agent'], ['a|b', 'a-b']])('file-safe %s', (s, out) => expect(fileSafe(s)).toBe(out));
});

describe('frtHistogram', () => {
  it('counts every reply in exactly one bin, business or wall clock', () => {
    const T = Date.UTC(2026, 10, 23, 12);
    const rows = [0, 14, 15, 59, 60, 600, 3000].map((m, i) => entry({ id: `r${i}`, repliedAt: T + i, frtMin: m, frtBizMin: Math.floor(m / 2) }));
    const rollups = [...buildRollups(rows, [], () => 'UTC').values()];
    expect(frtHistogram(rollups, {}, 'wall').map((b) => b.count)).toEqual([2, 1, 1, 1, 0, 0, 1, 1]);
    expect(frtHistogram(rollups, {}, 'business').map((b) => b.count)).toEqual([3, 1, 1, 0, 0, 1, 0, 1]);
  });
});

describe('heat map cells', () => {
  it('outlines staffed hours and marks busy unstaffed hours as peaks', () => {
    const grid = new Array<number>(168).fill(0);
    grid[1 * 24 + 10] = 4; // Monday 10:00, staffed
    grid[1 * 24 + 11] = 2; // Monday 11:00, staffed
    grid[6 * 24 + 10] = 5; // Saturday 10:00, nobody
    grid[0 * 24 + 3] = 1; // Sunday 03:00, quiet
    const cells = heatCells(grid, staffedUnion([DEFAULT_BUSINESS_HOURS]));
    const at = (d: number, h: number) => cells[d * 24 + h];
    expect(at(1, 10)).toMatchObject({ staffed: true, peak: false, value: 4 });
    expect(at(6, 10)).toMatchObject({ staffed: false, peak: true, value: 5 });
    expect(at(0, 3)).toMatchObject({ staffed: false, peak: false });
  });
  it('a brand staffing the weekend covers it in the union', () => {
    const weekend = { timeZone: 'UTC', week: [[{ start: '10:00', end: '14:00' }], [], [], [], [], [], [{ start: '10:00', end: '14:00' }]] };
    const grid = staffedUnion([DEFAULT_BUSINESS_HOURS, weekend]);
    expect(grid[6]?.[10]).toBe(true);
    expect(grid[1]?.[10]).toBe(true);
    expect(grid[6]?.[15]).toBe(false);
  });
});

describe('periodOfDays', () => {
  it('covers whole local days', () => {
    const { from, to } = periodOfDays('2026-11-01', '2026-11-02');
    expect(new Date(from).getHours()).toBe(0);
    expect(new Date(to + 1).getDate()).toBe(3);
  });
});
