/** Live reads for the review page: rollups by key range, counts, filter choices, goals, exports. */
import { useLiveQuery } from 'dexie-react-hooks';
import { computeMetrics, groupMetrics, type DrillCell } from '../../review';
import type { TimeZoneOf } from '../../review/filter';
import type { ReviewFilter } from '../../schemas/review';
import { getDb } from '../db';
import { listGoals } from '../goals';
import { buildAgentBundle, countRows, drillRows, filterRows, loadRollups, reviewDimensions, type DrillRows, type Period } from '../review';
import { timeZones } from '../rollups';
import { customerNames } from './customers';

export const useReviewCounts = () => useLiveQuery(() => countRows(getDb()), []);

/**
 * The filter's rollups and the metrics computed from them, read and computed together and timed:
 * the bench reads the `replyline:review-metrics` measures. `filterKey` identifies the filter's value.
 */
export function useReviewMetrics(filter: ReviewFilter, filterKey: string) {
  return useLiveQuery(async () => {
    const t0 = performance.now();
    const rows = await loadRollups(getDb(), filter);
    const result = { rollups: rows, metrics: computeMetrics(rows, filter), byAgent: groupMetrics(rows, filter, 'agent'), byWeek: groupMetrics(rows, filter, 'isoWeek') };
    performance.measure('replyline:review-metrics', { start: t0, end: performance.now(), detail: { filter: filterKey, rollups: rows.length, replies: result.metrics.replies } });
    return result;
  }, [filterKey]);
}

export const useTimeZones = () => useLiveQuery(async () => ({ tzOf: await timeZones(getDb()) }), []);

/** Agents, brands, reasons and days present; re-read when `version` (e.g. the row counts) changes. */
export const useReviewDimensions = (version: string) => useLiveQuery(() => reviewDimensions(getDb()), [version]);

/** Own brands over imported ones, by id. */
export const useReviewBrands = () =>
  useLiveQuery(async () => {
    const db = getDb();
    const [own, imported] = await Promise.all([db.brands.toArray(), db.reviewBrands.toArray()]);
    const byId = new Map(imported.map((b) => [b.id, { id: b.id, name: b.name, businessHours: b.businessHours }]));
    for (const b of own) byId.set(b.id, { id: b.id, name: b.name, businessHours: b.businessHours });
    return [...byId.values()];
  }, []);

export const useGoals = () => useLiveQuery(() => listGoals(getDb()), []);

/** Rollups of one period (and reason), for a goal's check-in. */
export const usePeriodRollups = (period: { fromDay: string; toDay: string }, reason: string | undefined) =>
  useLiveQuery(() => loadRollups(getDb(), { ...period, reason }), [period.fromDay, period.toDay, reason]);

/** The raw rows behind a chart cell (an indexed time range narrowed by the cell). */
export const readDrillRows = (filter: ReviewFilter, cell: DrillCell, tzOf: TimeZoneOf, repeated?: ReadonlySet<string>): Promise<DrillRows> =>
  drillRows(getDb(), filter, cell, tzOf, repeated);

/** Every row of the filter with its customers' names, for the CSV export. */
export async function readExportRows(filter: ReviewFilter, tzOf: TimeZoneOf) {
  const rows = await filterRows(getDb(), filter, tzOf);
  const names = await customerNames(rows.entries.flatMap((e) => (e.customerId ? [e.customerId] : [])));
  return { ...rows, names };
}

/** This agent's own log bundle for a period, with its customers' names. */
export async function readAgentExport(period: Period) {
  const bundle = await buildAgentBundle(getDb(), period);
  const names = await customerNames(bundle.entries.flatMap((e) => (e.customerId ? [e.customerId] : [])));
  return { bundle, names };
}
