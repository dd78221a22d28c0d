import { describe, expect, it } from 'vitest';
import { binLabel, formatMinutes, formatPct, frtHistogram, heatCells, presetRange, staffedUnion, toReviewFilter } from '@/components/review/model';
import { periodOfDays } from '@/components/review/ExportLog';
import { fileSafe } from '@/components/review/download';
import { buildRollups } from '@/lib/review';
import { DEFAULT_BUSINESS_HOURS } from '@/lib/schemas/settings';
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
  // Node has no Intl.DurationFormat: this is the unit-by-unit fallback every locale gets there.
  it.each([
    [null, 'en', '—'], [0, 'en', '0 min'], [59, 'en', '59 min'], [60, 'en', '1 hr'], [90, 'en', '1 hr 30 min'], [1440, 'en', '1 day'],
    [1500, 'en', '1 day 1 hr'], [20.5, 'en', '21 min'],
    [70, 'ru', '1 ч 10 мин'], [1500, 'ru', '1 дн. 1 ч'], [70, 'zh-CN', '1小时 10分钟'], [1500, 'zh-CN', '1天 1小时'],
  ] as const)('%s minutes in %s → %s', (min, locale, text) => expect(formatMinutes(min, locale)).toBe(text));
  it.each([[null, 'en', '—'], [80, 'en', '80%'], [200 / 3, 'en', '66.7%'], [200 / 3, 'ru', '66,7\u00a0%']] as const)('%s in %s → %s', (p, locale, text) =>
    expect(formatPct(p, locale)).toBe(text),
  );
  it.each([
    [{ fromMin: 1440, toMin: Number.POSITIVE_INFINITY }, 'en', '≥ 1 day'],
    [{ fromMin: 0, toMin: 15 }, 'ru', '< 15 мин'],
    [{ fromMin: 60, toMin: 120 }, 'zh-CN', '1小时 – 2小时'],
  ] as const)('labels bin %j in %s as %s', (bin, locale, text) => expect(binLabel(bin, locale)).toBe(text));
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
  it('outlines staffed hours and marks busy hours without replies as peaks', () => {
    const grid = new Array<number>(168).fill(0);
    grid[1 * 24 + 10] = 4; // Monday 10:00, staffed
    grid[1 * 24 + 11] = 2; // Monday 11:00, staffed
    grid[6 * 24 + 10] = 5; // Saturday 10:00, nobody
    grid[0 * 24 + 3] = 1; // Sunday 03:00, quiet
    const replies = new Array<number>(168).fill(0);
    replies[1 * 24 + 10] = 3; // agents replied on Monday morning
    const cells = heatCells(grid, replies, staffedUnion([DEFAULT_BUSINESS_HOURS]));
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
