/**
 * Time-zone arithmetic on top of Intl, without a date library. The two directions we need:
 * instant → local wall clock (`zonedParts`) and local wall clock → instant (`wallToUtc`).
 *
 * "Wall ms" below means a local date-time encoded as if it were UTC (Date.UTC of the local fields),
 * which makes calendar arithmetic plain integer arithmetic.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface ZonedParts {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building a DateTimeFormat costs far more than using one; zones are few, so keep them forever.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let made: Intl.DateTimeFormat;
  try {
    made = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23', // 'hour12: false' renders midnight as "24" in some engines
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    // An unknown zone name in a stored profile must not break triage or metrics: fall back to UTC.
    made = formatterFor('UTC');
  }
  formatters.set(timeZone, made);
  return made;
}

/** Whether the runtime knows this IANA zone (unknown zones are computed as UTC). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Local calendar fields of an instant in a zone. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const out: ZonedParts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour' || part.type === 'minute' || part.type === 'second') {
      out[part.type] = Number(part.value);
    }
  }
  return out;
}

// Offsets are looked up at day-aligned checkpoints many times over while walking a span; a bounded
// memo turns most of those formatToParts calls into map hits.
const offsetMemo = new Map<string, Map<number, number>>();
const MEMO_LIMIT = 20_000;

/** Offset of the zone from UTC at an instant, in ms (New York in winter: -5 h). */
export function offsetAt(ms: number, timeZone: string): number {
  let memo = offsetMemo.get(timeZone);
  if (!memo) {
    memo = new Map();
    offsetMemo.set(timeZone, memo);
  }
  const hit = memo.get(ms);
  if (hit !== undefined) return hit;
  const whole = Math.floor(ms / 1000) * 1000;
  const p = zonedParts(whole, timeZone);
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(ms, offset);
  return offset;
}

/**
 * The instant at which the zone's clocks show `wallMs`. Like Temporal's 'compatible' choice:
 * a time repeated by a fall-back change resolves to its first occurrence, and a time skipped by a
 * spring-forward change is read with the offset from before the change (02:30 → 03:30 EDT).
 */
export function wallToUtc(wallMs: number, timeZone: string): number {
  // Zone offsets stay within ±14 h, so a day either side is safely outside any single transition.
  const before = offsetAt(wallMs - DAY_MS, timeZone);
  const after = offsetAt(wallMs + DAY_MS, timeZone);
  if (before === after) return wallMs - before;
  const early = wallMs - before;
  const late = wallMs - after;
  const earlyValid = offsetAt(early, timeZone) === before;
  const lateValid = offsetAt(late, timeZone) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return early; // in a gap
}

/**
 * offsetAt for arbitrary instants, usually without touching Intl: if the offsets at two
 * day-aligned checkpoints around the instant agree (memoised, shared by every instant in the same
 * UTC day), no DST change lies between them. Real zones never change twice within three days.
 */
export function offsetNear(ms: number, timeZone: string): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const before = offsetAt(day - DAY_MS, timeZone);
  return before === offsetAt(day + 2 * DAY_MS, timeZone) ? before : offsetAt(ms, timeZone);
}

/** Local wall ms (local date-time encoded as UTC) of an instant. */
export function toWall(ms: number, timeZone: string): number {
  return ms + offsetNear(ms, timeZone);
}

/** Days since 1970-01-01 of the local calendar date of an instant. */
export function localDayNumber(ms: number, timeZone: string): number {
  return Math.floor(toWall(ms, timeZone) / DAY_MS);
}

/** 0 = Sunday, as Date#getDay (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** YYYY-MM-DD of a day number. */
export function dayKeyOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
