/**
 * Drill-down: every chart cell maps to a predicate over raw rows, so the review page can list the
 * interactions behind a number. The page narrows the raw read with `coarseTimeRange` (an indexed
 * `repliedAt` / `firstSeenAt` range) and applies the predicate; counts match the rollup metrics
 * exactly (tested).
 */
import { zonedWeekdayHour } from '../time/businessHours';
import type { ReplyLogEntry } from '../schemas/replies';
import type { MentionRecord, ReviewFilter, Rollup } from '../schemas/review';
import type { TimeZoneOf } from './filter';
import { groupKeyOf, rollupMatches, type GroupBy } from './metrics';
import { entryInFilter, mentionInFilter } from './reference';
import { replyTextHash } from './normalise';
import { dismissReasonKey, isEscalation, mentionOutcome } from './rollups';
import { dayNumberOfKey, msToMinutes } from './stats';

export type DrillCell =
  | { kind: 'all' }
  | { kind: 'group'; by: GroupBy; key: string }
  | { kind: 'replySlot'; weekday: number; hour: number }
  | { kind: 'mentionSlot'; weekday: number; hour: number }
  | { kind: 'frtRange'; measure: 'wall' | 'business'; fromMin: number; toMin: number } // [from, to)
  | { kind: 'slaMet' }
  | { kind: 'slaMissed' }
  | { kind: 'templated' }
  | { kind: 'freeText' }
  | { kind: 'repeated' }
  | { kind: 'toneOverridden' }
  | { kind: 'escalated' }
  | { kind: 'answered' }
  | { kind: 'complaintAnswered' }
  | { kind: 'complaintUnanswered' }
  | { kind: 'ignored' }
  | { kind: 'dismissed'; reason?: string };

export interface DrillPredicates {
  /** Which rows the cell lists: reply-log entries or queued mentions. */
  rows: 'entries' | 'mentions' | 'both';
  entry: (e: ReplyLogEntry) => boolean;
  mention: (m: MentionRecord) => boolean;
}

/** Normalised-text hashes sent ≥ 2 times within the filter: needed by the `repeated` cell. */
export function repeatedHashes(rollups: Iterable<Rollup>, filter: ReviewFilter): Set<string> {
  const counts = new Map<string, number>();
  for (const r of rollups) {
    if (!rollupMatches(r, filter)) continue;
    for (const [h, n] of r.textHashes) counts.set(h, (counts.get(h) ?? 0) + n);
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([h]) => h));
}

const never = (): boolean => false;

export function drillDown(filter: ReviewFilter, cell: DrillCell, tzOf: TimeZoneOf, repeated: ReadonlySet<string> = new Set()): DrillPredicates {
  const inE = (e: ReplyLogEntry): boolean => entryInFilter(e, filter, tzOf);
  const inM = (m: MentionRecord): boolean => mentionInFilter(m, filter, tzOf);
  const entries = (p: (e: ReplyLogEntry) => boolean): DrillPredicates => ({ rows: 'entries', entry: (e) => inE(e) && p(e), mention: never });
  const mentions = (p: (m: MentionRecord) => boolean): DrillPredicates => ({ rows: 'mentions', entry: never, mention: (m) => inM(m) && p(m) });
  switch (cell.kind) {
    case 'all':
      return { rows: 'both', entry: inE, mention: inM };
    case 'group': {
      const { by, key } = cell;
      return {
        rows: 'both',
        entry: (e) => inE(e) && groupKeyOf({ ...e, day: zonedWeekdayHour(e.repliedAt, tzOf(e.brandId)).dayKey }, by) === key,
        mention: (m) => inM(m) && groupKeyOf({ ...m, day: zonedWeekdayHour(m.firstSeenAt, tzOf(m.brandId)).dayKey }, by) === key,
      };
    }
    case 'replySlot':
      return entries((e) => {
        const z = zonedWeekdayHour(e.repliedAt, tzOf(e.brandId));
        return z.weekday === cell.weekday && z.hour === cell.hour;
      });
    case 'mentionSlot':
      return mentions((m) => {
        const z = zonedWeekdayHour(m.postCreatedAt, tzOf(m.brandId));
        return z.weekday === cell.weekday && z.hour === cell.hour;
      });
    case 'frtRange':
      return entries((e) => {
        const v = msToMinutes(cell.measure === 'wall' ? e.frtWallMs : e.frtBusinessMs);
        return v >= cell.fromMin && v < cell.toMin;
      });
    case 'slaMet':
      return entries((e) => e.slaMet);
    case 'slaMissed':
      return entries((e) => !e.slaMet);
    case 'templated':
      return entries((e) => e.templateId !== undefined);
    case 'freeText':
      return entries((e) => e.templateId === undefined);
    case 'repeated':
      return entries((e) => repeated.has(replyTextHash(e.text, e.postAuthor)));
    case 'toneOverridden':
      return entries((e) => e.toneWarningsOverridden > 0);
    case 'escalated':
      return entries(isEscalation);
    case 'answered':
      return mentions((m) => mentionOutcome(m).answered);
    case 'complaintAnswered':
      return mentions((m) => m.complaint && mentionOutcome(m).answered);
    case 'complaintUnanswered':
      return mentions((m) => m.complaint && !mentionOutcome(m).answered);
    case 'ignored':
      return mentions((m) => mentionOutcome(m).ignored);
    case 'dismissed':
      return mentions((m) => mentionOutcome(m).dismissed && (cell.reason === undefined || dismissReasonKey(m) === cell.reason));
  }
}

/** Ids of the entries and keys of the mentions behind a cell (sorted). */
export function drillDownIds(
  entries: Iterable<ReplyLogEntry>,
  mentions: Iterable<MentionRecord>,
  predicates: DrillPredicates,
): { entryIds: string[]; mentionKeys: string[] } {
  const entryIds: string[] = [];
  const mentionKeys: string[] = [];
  for (const e of entries) if (predicates.entry(e)) entryIds.push(e.id);
  for (const m of mentions) if (predicates.mention(m)) mentionKeys.push(m.key);
  return { entryIds: entryIds.sort(), mentionKeys: mentionKeys.sort() };
}

const DAY_MS = 86_400_000;
const MAX_ZONE_OFFSET_MS = 15 * 3_600_000;

/** An epoch-ms range that surely contains every row of the filter's local days (any zone). */
export function coarseTimeRange(filter: ReviewFilter): { fromMs?: number; toMs?: number } {
  return {
    fromMs: filter.fromDay === undefined ? undefined : Math.max(0, dayNumberOfKey(filter.fromDay) * DAY_MS - MAX_ZONE_OFFSET_MS),
    toMs: filter.toDay === undefined ? undefined : (dayNumberOfKey(filter.toDay) + 1) * DAY_MS + MAX_ZONE_OFFSET_MS,
  };
}
