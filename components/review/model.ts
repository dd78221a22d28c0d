/**
 * Review page view-model: period presets, the filter the page shows → ReviewFilter, and the chart
 * series derived from rollups (FRT histogram, staffed heat map). Pure; tested in tests/unit/reviewdb.
 */
import { staffedHoursGrid } from '@/lib/time/businessHours';
import { daysOfIsoWeek, isoWeekOfDay, quarterOf, rollupMatches } from '@/lib/review';
import { dayKeyOfNumber, dayNumberOfKey, msToMinutes } from '@/lib/review/stats';
import type { Site } from '@/lib/schemas/primitives';
import type { ReviewFilter, Rollup } from '@/lib/schemas/review';
import type { BusinessHours } from '@/lib/schemas/settings';
import { formatDuration, formatPercent } from '@/lib/i18n/format';
import { uiLocale } from '@/lib/i18n/ui';

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

/** Minutes as people read them, in the UI language ("45 min", "2 h 5 min", "3 d 4 h"). */
export function formatMinutes(min: number | null, locale = uiLocale()): string {
  return min === null ? '—' : formatDuration(min, locale);
}

export function formatPct(p: number | null, locale = uiLocale()): string {
  return p === null ? '—' : formatPercent(p, locale);
}

/** A histogram bin: "< 15 min", "15 min – 30 min", "≥ 1 d". */
export function binLabel(b: { fromMin: number; toMin: number }, locale = uiLocale()): string {
  if (!Number.isFinite(b.toMin)) return `≥ ${formatMinutes(b.fromMin, locale)}`;
  if (b.fromMin === 0) return `< ${formatMinutes(b.toMin, locale)}`;
  return `${formatMinutes(b.fromMin, locale)} – ${formatMinutes(b.toMin, locale)}`;
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
  /** Mentions posted in this local weekday-hour. */
  value: number;
  /** Inside some brand's business hours (outlined). */
  staffed: boolean;
  /** Replies agents logged in this weekday-hour: someone was at work then. */
  replies: number;
  /** Busy, and no agent logged any reply in that hour: where cover is missing. */
  peak: boolean;
}

/**
 * 168 cells from the metrics grids (mentions by the post's own time, replies by when they were
 * sent). Cover is what agents actually did, not the hours on paper: a busy hour is uncovered when
 * the log holds no reply sent in it. Busy means at least as many posts as the average hour with any.
 */
export function heatCells(mentionGrid: readonly number[], replyGrid: readonly number[], staffed: boolean[][]): HeatCellModel[] {
  const cells: HeatCellModel[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const slot = weekday * 24 + hour;
      cells.push({ weekday, hour, value: mentionGrid[slot] ?? 0, replies: replyGrid[slot] ?? 0, staffed: staffed[weekday]?.[hour] ?? false, peak: false });
    }
  }
  const busy = cells.filter((c) => c.value > 0);
  const bar = busy.length > 0 ? busy.reduce((s, c) => s + c.value, 0) / busy.length : Number.POSITIVE_INFINITY;
  for (const c of cells) c.peak = c.value > 0 && c.value >= bar && c.replies === 0;
  return cells;
}

export { msToMinutes };
