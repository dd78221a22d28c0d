/**
 * Business-hours arithmetic for first-response targets, triage "waiting" scores and review metrics.
 *
 * Shifts are local wall-clock times in `hours.timeZone`, so a 09:00–17:00 shift is 8 real hours
 * on every day, including DST-change days (a 00:00–24:00 shift is 23 or 25 h on those days).
 * We walk the local calendar one day at a time and convert each shift to instants; never minute
 * by minute.
 *
 * Conventions:
 * - Intervals are half-open: a shift 09:00–17:00 covers 09:00:00.000 up to, not including, 17:00.
 * - A shift whose end is earlier than its start runs overnight into the next day (22:00–06:00);
 *   a shift whose end equals its start is empty. Overlapping shifts count once, never twice.
 * - A week with no (non-empty) shifts at all means "no business hours configured": every instant
 *   counts as business time, so metrics degrade to wall-clock time instead of never finishing.
 * - An unknown time-zone name is computed as UTC (see zoned.ts).
 * - `alwaysOpen` (24×7) counts every instant. A holiday removes the shifts that start on that
 *   local day (yesterday's overnight shift still ends as planned).
 */
import type { BusinessHours } from '../schemas/settings';
import { DAY_MS, HOUR_MS, MINUTE_MS, dayKeyOfDayNumber, localDayNumber, offsetAt, toWall, wallToUtc, weekdayOfDayNumber } from './zoned';

export { isKnownTimeZone } from './zoned';

/** A shift in minutes after local midnight of its day; `end` may exceed 1440 (overnight). */
interface MinuteShift {
  start: number;
  end: number;
}

/** Normalised week: per weekday (Sunday first) the shifts sorted by start; null = always open. */
type MinuteWeek = MinuteShift[][] | null;

function clockToMinutes(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

// Parsed weeks keyed by content (not object identity: a settings form may edit a week in place).
const weekCache = new Map<string, MinuteWeek>();

function minuteWeek(hours: BusinessHours): MinuteWeek {
  if (hours.alwaysOpen) return null;
  const key = JSON.stringify(hours.week);
  const cached = weekCache.get(key);
  if (cached !== undefined) return cached;
  if (weekCache.size >= 64) weekCache.clear();
  let any = false;
  const week: MinuteShift[][] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    const shifts: MinuteShift[] = [];
    for (const shift of hours.week[weekday] ?? []) {
      const start = clockToMinutes(shift.start);
      let end = clockToMinutes(shift.end);
      if (!Number.isFinite(start) || !Number.isFinite(end) || end === start) continue;
      if (end < start) end += 24 * 60;
      shifts.push({ start, end });
      any = true;
    }
    shifts.sort((a, b) => a.start - b.start);
    week.push(shifts);
  }
  const result = any ? week : null;
  weekCache.set(key, result);
  return result;
}

/** Local wall ms → instant for one day, skipping the Intl round-trips when no DST change is near. */
function dayConverter(dayNumber: number, timeZone: string): (wallMs: number) => number {
  const dayWall = dayNumber * DAY_MS;
  // Shifts of this day reach at most 48 h of wall time; offsets are within ±14 h, so two
  // day-aligned checkpoints bracket every instant we may produce (and are shared between days).
  const before = offsetAt(dayWall - DAY_MS, timeZone);
  const after = offsetAt(dayWall + 3 * DAY_MS, timeZone);
  if (before === after) return (wallMs) => wallMs - before;
  return (wallMs) => wallToUtc(wallMs, timeZone);
}

const holidayCache = new Map<string, ReadonlySet<number>>();
const NO_HOLIDAYS: ReadonlySet<number> = new Set();

/** Local day numbers (as localDayNumber) of the holidays. */
function holidayDays(hours: BusinessHours): ReadonlySet<number> {
  const list = hours.holidays;
  if (!list || list.length === 0) return NO_HOLIDAYS;
  const key = list.join(',');
  const cached = holidayCache.get(key);
  if (cached) return cached;
  if (holidayCache.size >= 64) holidayCache.clear();
  const days = new Set<number>();
  for (const day of list) {
    const ms = Date.parse(`${day}T00:00:00Z`);
    if (Number.isFinite(ms)) days.add(Math.floor(ms / DAY_MS));
  }
  holidayCache.set(key, days);
  return days;
}

// Longest walk before giving up: a week with shifts always yields business time, so this only
// bounds absurd inputs (e.g. adding 10^15 ms).
const MAX_DAYS = 366 * 200;

/**
 * Calls `visit` with disjoint business intervals [start, end) that end after `fromMs`, in time
 * order, until `visit` returns false. Overlaps (overlapping shifts, an overnight shift running into
 * the next day's) are clipped away rather than merged, so a 24/7 week still yields one interval per
 * shift and the walk stops as soon as the caller has enough. Requires a week with a shift.
 */
function forEachBusinessInterval(
  fromMs: number,
  week: MinuteShift[][],
  timeZone: string,
  holidays: ReadonlySet<number>,
  visit: (start: number, end: number) => boolean,
): void {
  // Start a day early: yesterday's overnight shift may still be running.
  const firstDay = localDayNumber(fromMs, timeZone) - 1;
  let covered = Number.NEGATIVE_INFINITY; // end of the last interval handed out
  for (let day = firstDay; day < firstDay + MAX_DAYS; day++) {
    const shifts = week[weekdayOfDayNumber(day)] ?? [];
    if (shifts.length === 0 || holidays.has(day)) continue;
    const toUtc = dayConverter(day, timeZone);
    const dayWall = day * DAY_MS;
    const intervals: [number, number][] = [];
    for (const shift of shifts) {
      intervals.push([toUtc(dayWall + shift.start * MINUTE_MS), toUtc(dayWall + shift.end * MINUTE_MS)]);
    }
    // Conversion is not monotonic inside a DST gap; sort so clipping sees starts in order.
    intervals.sort((a, b) => a[0] - b[0]);
    for (const [rawStart, end] of intervals) {
      const start = Math.max(rawStart, covered);
      if (end <= start) continue;
      covered = end;
      if (end > fromMs && !visit(start, end)) return;
    }
  }
}

/** Business milliseconds in [startMs, endMs); 0 when end <= start. */
export function businessMsBetween(startMs: number, endMs: number, hours: BusinessHours): number {
  if (!(endMs > startMs) || !Number.isFinite(startMs) || !Number.isFinite(endMs)) return 0;
  const week = minuteWeek(hours);
  if (!week) return endMs - startMs;
  let total = 0;
  forEachBusinessInterval(startMs, week, hours.timeZone, holidayDays(hours), (start, end) => {
    if (start >= endMs) return false;
    total += Math.min(end, endMs) - Math.max(start, startMs);
    return true;
  });
  return total;
}

/**
 * The instant at which `businessMs` of business time have elapsed since `startMs` (a Friday 18:00
 * post with a 1 h target is due Monday 10:00 on a 9-to-5 week). Zero or negative → `startMs`.
 * When the target is used up exactly at a shift's end, the answer is that end, not the next start.
 */
export function addBusinessMs(startMs: number, businessMs: number, hours: BusinessHours): number {
  if (!Number.isFinite(startMs)) return startMs;
  if (!(businessMs > 0)) return startMs;
  const week = minuteWeek(hours);
  if (!week) return startMs + businessMs;
  let remaining = businessMs;
  let due = NaN;
  forEachBusinessInterval(startMs, week, hours.timeZone, holidayDays(hours), (start, end) => {
    const from = Math.max(start, startMs);
    if (remaining <= end - from) {
      due = from + remaining;
      return false;
    }
    remaining -= end - from;
    return true;
  });
  // Only reachable for absurd targets beyond the walk limit: the answer is "never" in practice.
  return Number.isNaN(due) ? Number.POSITIVE_INFINITY : due;
}

/** Whether the instant falls inside a shift (start inclusive, end exclusive). */
export function isBusinessTime(ms: number, hours: BusinessHours): boolean {
  if (!Number.isFinite(ms)) return false;
  const week = minuteWeek(hours);
  if (!week) return true;
  let inside = false;
  forEachBusinessInterval(ms, week, hours.timeZone, holidayDays(hours), (start) => {
    inside = start <= ms;
    return false;
  });
  return inside;
}

/** Local weekday (0 = Sunday), hour (0..23) and YYYY-MM-DD day key, for heat maps and rollups. */
export function zonedWeekdayHour(ms: number, timeZone: string): { weekday: number; hour: number; dayKey: string } {
  // Arithmetic on the wall time, not formatToParts per call: heat maps bucket many thousand posts.
  const wall = toWall(ms, timeZone);
  const dayNumber = Math.floor(wall / DAY_MS);
  const hour = Math.floor((wall - dayNumber * DAY_MS) / HOUR_MS);
  return { weekday: weekdayOfDayNumber(dayNumber), hour, dayKey: dayKeyOfDayNumber(dayNumber) };
}

/**
 * 7×24 (Sunday first): whether any shift covers part of that local clock hour. Nominal clock
 * hours, independent of DST; an overnight shift marks the early hours of the following weekday.
 */
export function staffedHoursGrid(hours: BusinessHours): boolean[][] {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => false));
  const week = minuteWeek(hours);
  if (!week) return grid.map((row) => row.map(() => true));
  week.forEach((shifts, weekday) => {
    for (const shift of shifts) {
      // Hours h with [h*60, h*60+60) overlapping [start, end).
      for (let h = Math.floor(shift.start / 60); h * 60 < shift.end; h++) {
        const row = grid[(weekday + Math.floor(h / 24)) % 7];
        if (row) row[h % 24] = true;
      }
    }
  });
  return grid;
}

/** Whole days, hours and minutes of a duration (floored; negatives and NaN count as 0). */
export function formatDurationParts(ms: number): { days: number; hours: number; minutes: number } {
  const totalMinutes = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / MINUTE_MS) : 0;
  return {
    days: Math.floor(totalMinutes / (24 * 60)),
    hours: Math.floor((totalMinutes % (24 * 60)) / 60),
    minutes: totalMinutes % 60,
  };
}

export { DAY_MS, HOUR_MS, MINUTE_MS };
