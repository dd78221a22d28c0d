/**
 * Team goals (OKRs): an objective with 2–5 key results measured from the review rollups.
 * Weekly check-in = for each ISO week of the period so far, the KR's value in that week and its
 * value for the period to date (the number the target is judged on: "on track" when the to-date
 * value meets the target), a trend over the weekly values, and per-agent contributions.
 */
import type { Goal, GoalMetricId, KeyResult, ReviewFilter, Rollup } from '../schemas/review';
import { Accumulator, computeMetrics, groupMetrics, rollupMatches, type ReviewMetrics } from './metrics';
import { dayKeyOfNumber, dayNumberOfKey, daysOfIsoWeek, isoWeekOfDay } from './stats';

export function metricValue(m: ReviewMetrics, id: GoalMetricId): number | null {
  switch (id) {
    case 'complaintsAnsweredPct': return m.complaintsAnsweredPct;
    case 'ignoredPct': return m.ignoredPct;
    case 'slaMetPct': return m.slaMetPct;
    case 'medianFrtWallMin': return m.frtWallMin.median;
    case 'medianFrtBusinessMin': return m.frtBusinessMin.median;
    case 'p90FrtWallMin': return m.frtWallMin.p90;
    case 'p90FrtBusinessMin': return m.frtBusinessMin.p90;
    case 'repeatRatePct': return m.repeatRatePct;
    case 'templatePct': return m.templatePct;
    case 'escalations': return m.escalations;
    case 'replies': return m.replies;
  }
}

/** Whether a value meets the KR; null when there is no data to judge. */
export function meetsTarget(value: number | null, kr: Pick<KeyResult, 'comparator' | 'target'>): boolean | null {
  if (value === null) return null;
  return kr.comparator === 'gte' ? value >= kr.target : value <= kr.target;
}

/** The calendar quarter containing a day. */
export function quarterOf(dayKey: string): { fromDay: string; toDay: string } {
  const year = Number(dayKey.slice(0, 4));
  const q = Math.floor((Number(dayKey.slice(5, 7)) - 1) / 3);
  const from = Date.UTC(year, q * 3, 1);
  const to = Date.UTC(year, q * 3 + 3, 0);
  return { fromDay: new Date(from).toISOString().slice(0, 10), toDay: new Date(to).toISOString().slice(0, 10) };
}

export function goalPeriod(goal: Goal, todayDay: string): { fromDay: string; toDay: string } {
  return goal.period ?? quarterOf(todayDay);
}

export type Trend = 'improving' | 'worsening' | 'flat' | 'unknown';

/** Least-squares slope of the weekly values, read in the KR's good direction. */
export function trendOf(values: readonly (number | null)[], comparator: KeyResult['comparator']): Trend {
  const pts = values.flatMap((v, i) => (v === null ? [] : [[i, v] as const]));
  if (pts.length < 2) return 'unknown';
  const n = pts.length;
  const mx = pts.reduce((s, [x]) => s + x, 0) / n;
  const my = pts.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of pts) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  const slope = den === 0 ? 0 : num / den;
  const scale = Math.max(1e-9, Math.abs(my));
  if (Math.abs(slope) / scale < 1e-6) return 'flat';
  return (slope > 0) === (comparator === 'gte') ? 'improving' : 'worsening';
}

export interface WeeklyCheckIn {
  week: string; // ISO week, e.g. 2026-W48
  fromDay: string;
  toDay: string;
  value: number | null; // that week alone
  toDate: number | null; // period start … end of that week (or today)
  onTrack: boolean | null;
}

export interface KeyResultProgress {
  keyResultId: string;
  metric: GoalMetricId;
  comparator: KeyResult['comparator'];
  target: number;
  value: number | null;
  met: boolean | null;
  weekly: WeeklyCheckIn[];
  trend: Trend;
  contributors: { agent: string; value: number | null; met: boolean | null }[];
}

export interface GoalProgress {
  goalId: string;
  fromDay: string;
  toDay: string;
  /** Last day counted: today, or the period's end once it is over. */
  asOfDay: string;
  keyResults: KeyResultProgress[];
  keyResultsMet: number;
}

/** Progress of a goal as of `todayDay` (YYYY-MM-DD, the lead's local day). */
export function goalProgress(goal: Goal, rollups: readonly Rollup[], todayDay: string): GoalProgress {
  const { fromDay, toDay } = goalPeriod(goal, todayDay);
  const asOfDay = todayDay < toDay ? todayDay : toDay;
  const base: ReviewFilter = { ...goal.scope, fromDay, toDay: asOfDay };
  // Only the goal's slice is scanned repeatedly below.
  const scoped = rollups.filter((r) => r.day >= fromDay && r.day <= asOfDay);
  const overall = computeMetrics(scoped, base);
  const byAgent = groupMetrics(scoped, base, 'agent');

  const weeks: { week: string; fromDay: string; toDay: string }[] = [];
  if (asOfDay >= fromDay) {
    for (let d = dayNumberOfKey(fromDay); d <= dayNumberOfKey(asOfDay); d += 1) {
      const week = isoWeekOfDay(dayKeyOfNumber(d));
      if (weeks[weeks.length - 1]?.week === week) continue;
      const span = daysOfIsoWeek(week);
      weeks.push({ week, fromDay: span.fromDay < fromDay ? fromDay : span.fromDay, toDay: span.toDay > asOfDay ? asOfDay : span.toDay });
    }
  }
  // One pass: each record goes into its week's accumulator and the running to-date one.
  const byWeek = new Map<string, Rollup[]>();
  for (const r of scoped) {
    if (!rollupMatches(r, base)) continue;
    const week = isoWeekOfDay(r.day);
    const list = byWeek.get(week);
    if (list) list.push(r);
    else byWeek.set(week, [r]);
  }
  const running = new Accumulator();
  const weekMetrics = weeks.map((w) => {
    const alone = new Accumulator();
    for (const r of byWeek.get(w.week) ?? []) {
      alone.add(r);
      running.add(r);
    }
    return { w, alone: alone.finish(), toDate: running.finish() };
  });

  const keyResults = goal.keyResults.map((kr): KeyResultProgress => {
    const value = metricValue(overall, kr.metric);
    const weekly = weekMetrics.map(({ w, alone, toDate }): WeeklyCheckIn => {
      const toDateValue = metricValue(toDate, kr.metric);
      return { ...w, value: metricValue(alone, kr.metric), toDate: toDateValue, onTrack: meetsTarget(toDateValue, kr) };
    });
    return {
      keyResultId: kr.id,
      metric: kr.metric,
      comparator: kr.comparator,
      target: kr.target,
      value,
      met: meetsTarget(value, kr),
      weekly,
      trend: trendOf(weekly.map((w) => w.value), kr.comparator),
      contributors: Object.entries(byAgent).map(([agent, m]) => {
        const v = metricValue(m, kr.metric);
        return { agent, value: v, met: meetsTarget(v, kr) };
      }),
    };
  });
  return { goalId: goal.id, fromDay, toDay, asOfDay, keyResults, keyResultsMet: keyResults.filter((k) => k.met === true).length };
}
