/**
 * Review page view-model: period presets, the filter the page shows → ReviewFilter, and the chart
 * series derived from rollups (FRT histogram, staffed heat map). Pure; tested in tests/unit/reviewdb.
 */
import { staffedHoursGrid } from '@/lib/time/businessHours';
import { daysOfIsoWeek, isoWeekOfDay, quarterOf, rollupMatches } from '@/lib/review';
import { dayKeyOfNumber, dayNumberOfKey, msToMinutes } from '@/lib/review/stats';
import type { BusinessHours, ReviewFilter, Rollup, Site } from '@/lib/schemas';

export type PeriodPreset = 'thisWeek' | 'last30' | 'quarter' | 'custom';

export interface PageFilter {
  preset: PeriodPreset;
  fromDay: string;
  toDay: string;
  agent: string; // '' = all
  site: Site | '';
  brandId: string;
  reason: string;
}

/** The lead's local calendar day. */
export function localDayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: string): { fromDay: string; toDay: string } {
  switch (preset) {
    case 'thisWeek':
      return daysOfIsoWeek(isoWeekOfDay(today));
    case 'last30':
      return { fromDay: dayKeyOfNumber(dayNumberOfKey(today) - 29), toDay: today };
    case 'quarter':
      return quarterOf(today);
  }
}

export function defaultFilter(today: string): PageFilter {
  return { preset: 'quarter', ...quarterOf(today), agent: '', site: '', brandId: '', reason: '' };
}

export function toReviewFilter(f: PageFilter): ReviewFilter {
  return {
    fromDay: f.fromDay,
    toDay: f.toDay,
    ...(f.agent ? { agents: [f.agent] } : {}),
    ...(f.site ? { sites: [f.site] } : {}),
    ...(f.brandId ? { brandIds: [f.brandId] } : {}),
    ...(f.reason ? { reason: f.reason } : {}),
  };
}

/** FRT bins in minutes, [from, to): how customers experience waiting, not equal widths. */
export const FRT_BINS: readonly { fromMin: number; toMin: number }[] = [
  { fromMin: 0, toMin: 15 },
  { fromMin: 15, toMin: 30 },
  { fromMin: 30, toMin: 60 },
  { fromMin: 60, toMin: 120 },
  { fromMin: 120, toMin: 240 },
  { fromMin: 240, toMin: 480 },
  { fromMin: 480, toMin: 1440 },
  { fromMin: 1440, toMin: Number.POSITIVE_INFINITY },
];

export interface FrtBin {
  fromMin: number;
  toMin: number;
  count: number;
}

/** Replies per FRT bin, from the rollups' exact minute distributions. */
export function frtHistogram(rollups: readonly Rollup[], filter: ReviewFilter, measure: 'wall' | 'business'): FrtBin[] {
  const counts = FRT_BINS.map(() => 0);
  for (const r of rollups) {
    if (!rollupMatches(r, filter)) continue;
    for (const [minute, n] of measure === 'wall' ? r.frtWallMin : r.frtBusinessMin) {
      const i = FRT_BINS.findIndex((b) => minute >= b.fromMin && minute < b.toMin);
      if (i >= 0) counts[i] = (counts[i] ?? 0) + n;
    }
  }
  return FRT_BINS.map((b, i) => ({ ...b, count: counts[i] ?? 0 }));
}

/** Minutes as people read them: "45 min", "2 h 5 min", "3 d 4 h". */
export function formatMinutes(min: number | null): string {
  if (min === null) return '—';
  const m = Math.round(min);
  if (m < 60) return `${m} min`;
  if (m < 1440) return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
  return `${Math.floor(m / 1440)} d${Math.floor((m % 1440) / 60) ? ` ${Math.floor((m % 1440) / 60)} h` : ''}`;
}

export function formatPct(p: number | null): string {
  return p === null ? '—' : `${Math.round(p * 10) / 10}%`;
}

export function binLabel(b: { fromMin: number; toMin: number }): string {
  return Number.isFinite(b.toMin) ? `${formatMinutes(b.fromMin)}–${formatMinutes(b.toMin)}` : `≥ ${formatMinutes(b.fromMin)}`;
}

/** Staffed hours of several brands: a clock hour counts as staffed when any brand staffs it. */
export function staffedUnion(hours: readonly BusinessHours[]): boolean[][] {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => false));
  for (const h of hours) {
    staffedHoursGrid(h).forEach((row, d) => row.forEach((on, hour) => {
      const r = grid[d];
      if (on && r) r[hour] = true;
    }));
  }
  return grid;
}

export interface HeatCellModel {
  weekday: number;
  hour: number;
  value: number;
  staffed: boolean;
  peak: boolean;
}

/**
 * 168 cells from a metrics grid. A peak is an unstaffed hour at least as busy as the average busy
 * staffed hour (or, with no staffed volume, as the average busy hour): where cover is missing.
 */
export function heatCells(grid: readonly number[], staffed: boolean[][]): HeatCellModel[] {
  const cells: HeatCellModel[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      cells.push({ weekday, hour, value: grid[weekday * 24 + hour] ?? 0, staffed: staffed[weekday]?.[hour] ?? false, peak: false });
    }
  }
  const busyStaffed = cells.filter((c) => c.staffed && c.value > 0);
  const basis = busyStaffed.length > 0 ? busyStaffed : cells.filter((c) => c.value > 0);
  const bar = basis.length > 0 ? basis.reduce((s, c) => s + c.value, 0) / basis.length : Number.POSITIVE_INFINITY;
  for (const c of cells) c.peak = !c.staffed && c.value > 0 && c.value >= bar;
  return cells;
}

export { msToMinutes };
