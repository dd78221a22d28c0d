/**
 * Review bench (pure part, Node): build rollups for a quarter of 100k replies (10 agents) and
 * compute every review metric from them. The IndexedDB read of the rollups is measured elsewhere.
 * Run: npx tsx tests/bench/review.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildRollups, rollupKeyRange } from '../../lib/review/rollups';
import { computeMetrics, groupMetrics } from '../../lib/review/metrics';
import { goalProgress } from '../../lib/review/goals';
import { GoalSchema } from '../../lib/schemas/review';
import { generateLogs, tzOf } from '../unit/review/fixtures';

export async function benchReviewPure(): Promise<{ entries: number; buildRollupsMs: number; metricsMs: number; rollups: number; rollupsRead: number; mentions: number; goalMs: number; metricsCpuMs: number; buildRollupsCpuMs: number }> {
  const fromMs = Date.UTC(2026, 6, 1);
  const { entries, mentions } = generateLogs({ entries: 100_000, agents: 10, fromMs, days: 92, seed: 42 });

  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const map = buildRollups(entries, mentions, tzOf);
  const buildRollupsMs = performance.now() - t0;
  const b = process.cpuUsage(c0);
  const buildRollupsCpuMs = (b.user + b.system) / 1000;
  const rollups = [...map.values()];

  const quarter = { fromDay: '2026-07-01', toDay: '2026-09-30' };
  // What the review page reads: one primary-key range per reason bucket it shows.
  const inRange = (reason?: string) => {
    const { lower, upper } = rollupKeyRange({ ...quarter, reason });
    return rollups.filter((r) => r.key >= lower && r.key <= upper);
  };
  const all = inRange();
  const complaints = inRange('complaint');
  // "All metrics for a quarter": totals, per-agent comparison, weekly trend, one reason filter.
  // Median of 5 runs: the shared machine's load makes single runs noisy.
  let overall = computeMetrics(all, quarter);
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    overall = computeMetrics(all, quarter);
    groupMetrics(all, quarter, 'agent');
    groupMetrics(all, quarter, 'isoWeek');
    computeMetrics(complaints, { ...quarter, reason: 'complaint' });
    runs.push(performance.now() - t1);
    const c = process.cpuUsage(c1);
    cpuRuns.push((c.user + c.system) / 1000);
  }
  // CPU time of this process: on a loaded shared machine wall time also counts other processes.
  const metricsCpuMs = cpuRuns.sort((a, b) => a - b)[2] ?? 0;
  const metricsMs = runs.sort((a, b) => a - b)[2] ?? 0;

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
  goalProgress(goal, all, '2026-09-30');
  const goalMs = performance.now() - t2;

  // Late replies spill past the quarter end; the unfiltered total must still see every one.
  if (overall.replies > entries.length || computeMetrics(rollups).replies !== entries.length) throw new Error("rollups lost replies");
  return { entries: entries.length, mentions: mentions.length, rollups: rollups.length, rollupsRead: all.length + complaints.length, buildRollupsMs, buildRollupsCpuMs, metricsMs, metricsCpuMs, goalMs };
}

// Run directly with tsx (not when imported by the bench runner).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchReviewPure();
  console.log(JSON.stringify({ bench: 'review', ...r, buildRollupsMs: Math.round(r.buildRollupsMs), buildRollupsCpuMs: Math.round(r.buildRollupsCpuMs), metricsMs: Math.round(r.metricsMs), metricsCpuMs: Math.round(r.metricsCpuMs), goalMs: Math.round(r.goalMs), metricsBudgetMs: 500 }));
}
