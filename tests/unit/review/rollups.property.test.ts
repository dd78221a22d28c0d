import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ReplyLogEntry } from '../../../lib/schemas/replies';
import type { MentionRecord, ReviewFilter, Rollup } from '../../../lib/schemas/review';
import { buildRollups, isEmptyRollup, removeEntry, rollupKeyRange, upsertEntry, upsertMention, withRollups, type RollupMap } from '../../../lib/review/rollups';
import { computeMetrics, groupMetrics, rollupMatches } from '../../../lib/review/metrics';
import { computeMetricsDirect, groupMetricsDirect } from '../../../lib/review/reference';
import { drillDown, drillDownIds, repeatedHashes } from '../../../lib/review/drilldown';
import { arbEntry, arbMention, tzOf, uniqueBy } from './fixtures';

// Property runs do real work; on a loaded CI machine they can exceed Vitest's 5 s default.
const SLOW = 60_000;

const arbFilter: fc.Arbitrary<ReviewFilter> = fc.record(
  {
    fromDay: fc.constantFrom('2026-03-25', '2026-03-29', '2026-04-02'),
    toDay: fc.constantFrom('2026-03-29', '2026-04-05', '2026-04-12'),
    agents: fc.subarray(['ann', 'bob', 'ця|агент']),
    sites: fc.subarray(['x' as const, 'facebook' as const]),
    brandIds: fc.subarray(['acme', 'rossvyaz', 'huawen', 'utc']),
    reason: fc.constantFrom('complaint', 'question', 'waiting', 'praise'),
  },
  { requiredKeys: [] },
);

const arbData = fc.record({
  entries: fc.array(arbEntry(), { maxLength: 40 }).map((es) => uniqueBy(es, (e) => e.id)),
  mentions: fc.array(arbMention(), { maxLength: 40 }).map((ms) => uniqueBy(ms, (m) => m.key)),
});

/** Rollups with empty records dropped, as comparable plain data. */
function snapshot(map: ReadonlyMap<string, Rollup>): Rollup[] {
  return [...map.values()].filter((r) => !isEmptyRollup(r)).sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Simulates the writer: read touched records, upsert, put back. */
function writeEntry(map: RollupMap, stored: Map<string, ReplyLogEntry>, next: ReplyLogEntry): RollupMap {
  const updated = upsertEntry(map, stored.get(next.id), next, tzOf);
  stored.set(next.id, next);
  return withRollups(map, updated);
}

function writeMention(map: RollupMap, stored: Map<string, MentionRecord>, next: MentionRecord): RollupMap {
  const updated = upsertMention(map, stored.get(next.key), next, tzOf);
  stored.set(next.key, next);
  return withRollups(map, updated);
}

describe('rollup metrics equal metrics computed directly from raw rows', () => {
  it('for any data and filter', () => {
    fc.assert(
      fc.property(arbData, arbFilter, ({ entries, mentions }, filter) => {
        const rollups = [...buildRollups(entries, mentions, tzOf).values()];
        expect(computeMetrics(rollups, filter)).toEqual(computeMetricsDirect(entries, mentions, filter, tzOf));
      }),
      { numRuns: 150 },
    );
  }, SLOW);

  it.each(['agent', 'site', 'brandId', 'isoWeek', 'day'] as const)('grouped by %s', (by) => {
    fc.assert(
      fc.property(arbData, arbFilter, ({ entries, mentions }, filter) => {
        const rollups = [...buildRollups(entries, mentions, tzOf).values()];
        expect(groupMetrics(rollups, filter, by)).toEqual(groupMetricsDirect(entries, mentions, filter, by, tzOf));
      }),
      { numRuns: 40 },
    );
  }, SLOW);
});

describe('write-time maintenance', () => {
  it('a stream of upserts (with re-writes of the same id) ends where a rebuild of the final rows does', () => {
    fc.assert(
      fc.property(fc.array(arbEntry(8), { maxLength: 30 }), fc.array(arbMention(8), { maxLength: 30 }), (es, ms) => {
        let map: RollupMap = new Map();
        const storedE = new Map<string, ReplyLogEntry>();
        const storedM = new Map<string, MentionRecord>();
        for (const e of es) map = writeEntry(map, storedE, e);
        for (const m of ms) map = writeMention(map, storedM, m);
        expect(snapshot(map)).toEqual(snapshot(buildRollups(storedE.values(), storedM.values(), tzOf)));
      }),
      { numRuns: 100 },
    );
  }, SLOW);

  it('re-applying the same rows is a no-op (import twice = import once)', () => {
    fc.assert(
      fc.property(arbData, ({ entries, mentions }) => {
        let map: RollupMap = new Map();
        const storedE = new Map<string, ReplyLogEntry>();
        const storedM = new Map<string, MentionRecord>();
        for (const e of entries) map = writeEntry(map, storedE, e);
        for (const m of mentions) map = writeMention(map, storedM, m);
        const once = snapshot(map);
        for (const e of entries) expect(upsertEntry(map, storedE.get(e.id), e, tzOf)).toEqual([]);
        for (const m of mentions) map = writeMention(map, storedM, m);
        expect(snapshot(map)).toEqual(once);
      }),
      { numRuns: 60 },
    );
  }, SLOW);

  it('removing every entry leaves only empty records, and never mutates its input', () => {
    fc.assert(
      fc.property(arbData, ({ entries }) => {
        let map = buildRollups(entries, [], tzOf);
        const before = JSON.stringify(snapshot(map).map((r) => [r.key, r.replies]));
        let after: RollupMap = map;
        for (const e of entries) after = withRollups(after, removeEntry(after, e, tzOf));
        expect(JSON.stringify(snapshot(map).map((r) => [r.key, r.replies]))).toBe(before);
        expect(snapshot(after)).toEqual([]);
        map = after;
        for (const r of map.values()) {
          expect(r.frtWallMin.size + r.textHashes.size + r.replySlots.size).toBe(0);
        }
      }),
      { numRuns: 60 },
    );
  }, SLOW);
});

describe('drill-down lists exactly the rows behind a number', () => {
  it('cells match their metric', () => {
    fc.assert(
      fc.property(arbData, arbFilter, fc.integer({ min: 0, max: 167 }), ({ entries, mentions }, filter, slot) => {
        const rollups = [...buildRollups(entries, mentions, tzOf).values()];
        const m = computeMetrics(rollups, filter);
        const ids = (cell: Parameters<typeof drillDown>[1]) =>
          drillDownIds(entries, mentions, drillDown(filter, cell, tzOf, repeatedHashes(rollups, filter)));
        const weekday = Math.floor(slot / 24);
        const hour = slot % 24;
        expect(ids({ kind: 'all' }).entryIds.length).toBe(m.replies);
        expect(ids({ kind: 'replySlot', weekday, hour }).entryIds.length).toBe(m.replyGrid[slot]);
        expect(ids({ kind: 'mentionSlot', weekday, hour }).mentionKeys.length).toBe(m.mentionGrid[slot]);
        expect(ids({ kind: 'slaMissed' }).entryIds.length).toBe(m.replies - m.slaMet);
        expect(ids({ kind: 'repeated' }).entryIds.length).toBe(m.repeatReplies);
        expect(ids({ kind: 'templated' }).entryIds.length).toBe(m.templated);
        expect(ids({ kind: 'escalated' }).entryIds.length).toBe(m.escalations);
        expect(ids({ kind: 'ignored' }).mentionKeys.length).toBe(m.ignored);
        expect(ids({ kind: 'complaintUnanswered' }).mentionKeys.length).toBe(m.complaints - m.complaintsAnswered);
        expect(ids({ kind: 'dismissed', reason: 'spam' }).mentionKeys.length).toBe(m.dismissedByReason.spam ?? 0);
        expect(ids({ kind: 'dismissed', reason: 'filtered:spam' }).mentionKeys.length).toBe(m.dismissedByReason['filtered:spam'] ?? 0);
        expect(ids({ kind: 'dismissed' }).mentionKeys.length).toBe(m.dismissed);
        expect(ids({ kind: 'frtRange', measure: 'wall', fromMin: 0, toMin: 60 }).entryIds.length).toBe(
          computeMetricsDirect(entries, mentions, filter, tzOf).replies - ids({ kind: 'frtRange', measure: 'wall', fromMin: 60, toMin: Infinity }).entryIds.length,
        );
        const byAgent = groupMetrics(rollups, filter, 'agent');
        for (const [agent, am] of Object.entries(byAgent)) {
          expect(ids({ kind: 'group', by: 'agent', key: agent }).entryIds.length).toBe(am.replies);
        }
      }),
      { numRuns: 80 },
    );
  }, SLOW);
});

describe('rollupKeyRange', () => {
  it('a key range read returns exactly the records the filter uses (by reason and day)', () => {
    fc.assert(
      fc.property(arbData, arbFilter, ({ entries, mentions }, filter) => {
        const all = [...buildRollups(entries, mentions, tzOf).values()];
        const { lower, upper } = rollupKeyRange(filter);
        const inRange = all.filter((r) => r.key >= lower && r.key <= upper);
        const wanted = all.filter((r) => rollupMatches(r, { fromDay: filter.fromDay, toDay: filter.toDay, reason: filter.reason }));
        expect(inRange.map((r) => r.key).sort()).toEqual(wanted.map((r) => r.key).sort());
        expect(computeMetrics(inRange, filter)).toEqual(computeMetrics(all, filter));
      }),
      { numRuns: 80 },
    );
  }, SLOW);
});
