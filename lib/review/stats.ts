/**
 * Small numeric helpers shared by the rollup metrics and the direct reference implementation, so
 * both follow exactly the same conventions:
 * - median: the middle value; for an even count, the mean of the two middle values.
 * - p90: nearest rank, the ceil(0.9·n)-th smallest value (always an observed value).
 * - percentages are 0..100, and null when the denominator is 0 (a chart shows "no data", not 0 %).
 */

/** Adds `delta` to a counter, dropping keys that reach 0 (so removals leave no residue). */
export function addCount<K>(map: Map<K, number>, key: K, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

export function mergeCounts<K>(into: Map<K, number>, from: ReadonlyMap<K, number>): void {
  for (const [k, n] of from) into.set(k, (into.get(k) ?? 0) + n);
}

/** The k-th smallest (1-based) of a value → count distribution. */
function kth(sorted: [number, number][], k: number): number {
  let seen = 0;
  for (const [value, count] of sorted) {
    seen += count;
    if (seen >= k) return value;
  }
  return sorted[sorted.length - 1]?.[0] ?? 0;
}

export interface Quantiles {
  count: number;
  median: number | null;
  p90: number | null;
}

export function quantilesOfCounts(dist: Map<number, number>): Quantiles {
  const sorted = [...dist.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const count = sorted.reduce((s, [, n]) => s + n, 0);
  if (count === 0) return { count: 0, median: null, p90: null };
  const median = count % 2 === 1 ? kth(sorted, (count + 1) / 2) : (kth(sorted, count / 2) + kth(sorted, count / 2 + 1)) / 2;
  return { count, median, p90: kth(sorted, Math.ceil(0.9 * count)) };
}

/** Same conventions on a plain list (the reference implementation; written independently on purpose). */
export function quantilesOfValues(values: readonly number[]): Quantiles {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { count: 0, median: null, p90: null };
  const at = (i: number): number => s[i] ?? 0;
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { count: n, median, p90: at(Math.ceil(0.9 * n) - 1) };
}

export function pct(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

/** FRT in whole minutes, rounded half up: the resolution the rollups keep exactly. */
export function msToMinutes(ms: number): number {
  return Math.round(ms / 60_000);
}

const DAY_MS = 86_400_000;

export function dayNumberOfKey(dayKey: string): number {
  return Math.round(Date.parse(`${dayKey}T00:00:00Z`) / DAY_MS);
}

export function dayKeyOfNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** ISO-8601 week of a local day, e.g. `2026-W48` (weeks start Monday; week 1 holds the first Thursday). */
export function isoWeekOfDay(dayKey: string): string {
  const n = dayNumberOfKey(dayKey);
  const weekday = (((n + 4) % 7) + 7) % 7; // 0 = Sunday
  const isoDay = weekday === 0 ? 7 : weekday;
  const thursday = n + 4 - isoDay;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Math.round(Date.UTC(year, 0, 1) / DAY_MS);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday..Sunday day keys of an ISO week key. */
export function daysOfIsoWeek(week: string): { fromDay: string; toDay: string } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  const year = Number(m?.[1] ?? 1970);
  const w = Number(m?.[2] ?? 1);
  const jan4 = Math.round(Date.UTC(year, 0, 4) / DAY_MS);
  const jan4Weekday = (((jan4 + 4) % 7) + 7) % 7 || 7;
  const monday = jan4 - (jan4Weekday - 1) + (w - 1) * 7;
  return { fromDay: dayKeyOfNumber(monday), toDay: dayKeyOfNumber(monday + 6) };
}
