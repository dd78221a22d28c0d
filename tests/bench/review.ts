/**
 * Review bench (pure part, Node): build rollups for a quarter of 100k replies (10 agents) and
 * compute every review metric from them. The IndexedDB read of the rollups is measured elsewhere.
 * Run: npx tsx tests/bench/review.ts
 */
import { performance } from 'node:perf_hooks';
import { buildRollups } from '../../lib/review/rollups';
import { computeMetrics, groupMetrics } from '../../lib/review/metrics';
import { goalProgress } from '../../lib/review/goals';
import { GoalSchema } from '../../lib/schemas';
import { generateLogs, tzOf } from '../unit/review/fixtures';

export async function benchReviewPure(): Promise<{ entries: number; buildRollupsMs: number; metricsMs: number; rollups: number; mentions: number; goalMs: number }> {
  const fromMs = Date.UTC(2026, 6, 1);
  const { entries, mentions } = generateLogs({ entries: 100_000, agents: 10, fromMs, days: 92, seed: 42 });

  const t0 = performance.now();
  const map = buildRollups(entries, mentions, tzOf);
  const buildRollupsMs = performance.now() - t0;
  const rollups = [...map.values()];

  const quarter = { fromDay: '2026-07-01', toDay: '2026-09-30' };
  const t1 = performance.now();
  const overall = computeMetrics(rollups, quarter);
  groupMetrics(rollups, quarter, 'agent');
  groupMetrics(rollups, quarter, 'isoWeek');
  computeMetrics(rollups, { ...quarter, reason: 'complaint' });
  const metricsMs = performance.now() - t1;

  const goal = GoalSchema.parse({
    id: 'g1',
    objective: 'Answer every unhappy customer while they still care',
    keyResults: [
      { id: 'k1', metric: 'complaintsAnsweredPct', comparator: 'gte', target: 95 },
      { id: 'k2', metric: 'medianFrtBusinessMin', comparator: 'lte', target: 30 },
      { id: 'k3', metric: 'repeatRatePct', comparator: 'lte', target: 20 },
    ],
    createdAt: fromMs,
    updatedAt: fromMs,
  });
  const t2 = performance.now();
  goalProgress(goal, rollups, '2026-09-30');
  const goalMs = performance.now() - t2;

  // Late replies spill past the quarter end; the unfiltered total must still see every one.
  if (overall.replies > entries.length || computeMetrics(rollups).replies !== entries.length) throw new Error("rollups lost replies");
  return { entries: entries.length, mentions: mentions.length, rollups: rollups.length, buildRollupsMs, metricsMs, goalMs };
}

// Run directly with tsx (not when imported by the bench runner).
if (process.argv[1]?.endsWith('review.ts')) {
  const r = await benchReviewPure();
  console.log(JSON.stringify({ ...r, buildRollupsMs: Math.round(r.buildRollupsMs), metricsMs: Math.round(r.metricsMs), goalMs: Math.round(r.goalMs), metricsBudgetMs: 500 }));
}
