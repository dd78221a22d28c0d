/**
 * Queue filters and windowing over a real (fake-indexeddb) Dexie table: index order, combined
 * filters, and that a window never reads more rows than the ones before its end.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  collectWindow,
  dueFollowUps,
  hasReason,
  indexSource,
  queueCounts,
  queueWindow,
  residualPredicate,
  setQueueState,
  wakeSnoozed,
  type ChunkSource,
  type QueueFilter,
  type QueueWindow,
} from '@/lib/db/queue';
import { queueRank } from '@/lib/db/queueOrder';
import type { Site } from '@/lib/schemas/primitives';
import { QueueItemSchema, type QueueItem, type QueueState } from '@/lib/schemas/queue';
import { freshDb } from '../support/db';

interface Spec {
  id: number;
  brandId?: string;
  site?: Site;
  state?: QueueState;
  priority: number;
  createdAt?: number;
  codes?: string[];
}

function item(s: Spec): QueueItem {
  const site = s.site ?? 'x';
  const created = s.createdAt ?? 1_000 + s.id;
  return QueueItemSchema.parse({
    key: `${site}:${s.id}`,
    site,
    brandId: s.brandId ?? 'acme',
    state: s.state ?? 'new',
    priority: s.priority,
    rank: queueRank(s.priority, created),
    reasons: (s.codes ?? []).map((code) => ({ code, points: 1, detail: '' })),
    reasonCodes: s.codes ?? [],
    postCreatedAt: created,
    queuedAt: created,
    firstSeenAt: created,
    updatedAt: created,
  });
}

async function seeded(specs: Spec[]) {
  const db = freshDb();
  await db.queue.bulkPut(specs.map(item));
  return db;
}

const keys = (items: readonly QueueItem[]) => items.map((i) => i.key);

/** Wraps a source and counts the rows it hands out. */
function counting(source: ChunkSource) {
  const stats = { rows: 0, calls: 0 };
  const wrapped: ChunkSource = async (offset, limit) => {
    const rows = await source(offset, limit);
    stats.rows += rows.length;
    stats.calls += 1;
    return rows;
  };
  return { wrapped, stats };
}

const TABLE: Spec[] = [
  { id: 1, priority: 90, codes: ['customer', 'complaint'] },
  { id: 2, priority: 50, site: 'facebook', codes: ['question'] },
  { id: 3, priority: 50, createdAt: 500, codes: ['question', 'overdue'] },
  { id: 4, priority: 70, brandId: 'other', codes: ['complaint'] },
  { id: 5, priority: 20, state: 'filtered', codes: ['praise', 'spam.giveaway'] },
  { id: 6, priority: 10, site: 'facebook', brandId: 'other', codes: ['waiting'] },
  { id: 7, priority: 60, state: 'dismissed', codes: ['complaint'] },
];

describe('queueWindow', { timeout: 30_000 }, () => {
  it.each<[string, QueueFilter, string[]]>([
    ['all new, priority first, ties oldest first', { state: 'new' }, ['x:1', 'x:4', 'x:3', 'facebook:2', 'facebook:6']],
    ['one brand', { state: 'new', brandId: 'acme' }, ['x:1', 'x:3', 'facebook:2']],
    ['one site', { state: 'new', site: 'facebook' }, ['facebook:2', 'facebook:6']],
    ['complaints', { state: 'new', reason: 'complaint' }, ['x:1', 'x:4']],
    ['questions on facebook', { state: 'new', reason: 'question', site: 'facebook' }, ['facebook:2']],
    ['questions of one brand', { state: 'new', reason: 'question', brandId: 'acme' }, ['x:3', 'facebook:2']],
    ['customers of another brand', { state: 'new', reason: 'customer', brandId: 'other' }, []],
    ['overdue', { state: 'new', reason: 'overdue' }, ['x:3']],
    ['spam family in Filtered', { state: 'filtered', reason: 'spam' }, ['x:5']],
    ['complaints stay in their state', { state: 'dismissed', reason: 'complaint' }, ['x:7']],
    ['site and brand that never meet', { state: 'new', site: 'facebook', brandId: 'acme', reason: 'complaint' }, []],
  ])('%s', async (_label, filter, expected) => {
    const db = await seeded(TABLE);
    const win = await queueWindow(db, filter, 0, 50);
    expect(keys(win.items)).toEqual(expected);
    expect(win.exhausted).toBe(true);
    expect(win.total).toBe(expected.length);
  });

  it('pages a filtered list: windows join up to the whole list without gaps or repeats', async () => {
    const specs = Array.from({ length: 200 }, (_, i) => ({ id: i, priority: i % 100, site: (i % 3 === 0 ? 'facebook' : 'x') as Site, codes: i % 2 ? ['complaint'] : ['question'] }));
    const db = await seeded(specs);
    const filter: QueueFilter = { state: 'new', site: 'facebook', reason: 'question' };
    const whole = await queueWindow(db, filter, 0, 1000);
    const parts = [];
    for (let start = 0; start < whole.found; start += 7) parts.push(...(await queueWindow(db, filter, start, 7)).items);
    expect(keys(parts)).toEqual(keys(whole.items));
    expect(whole.items.length).toBe(specs.filter((s) => s.site === 'facebook' && s.codes[0] === 'question').length);
    expect(whole.items.map((i) => i.priority)).toEqual([...whole.items.map((i) => i.priority)].sort((a, b) => b - a));
  });

  it('direct index pages for an unfiltered state report the exact total', async () => {
    const db = await seeded(Array.from({ length: 120 }, (_, i) => ({ id: i, priority: 50 })));
    const win = await queueWindow(db, { state: 'new' }, 100, 50);
    expect(win.items).toHaveLength(20);
    expect(win.total).toBe(120);
    expect(win.scanned).toBe(20);
  });

  // An index count is O(n) in IndexedDB (≈1 s at 100k): rows must never wait for one.
  it.each<[string, number, number, Partial<QueueWindow>, number]>([
    // [case, start, size, expected window fields, counts run]
    ['a full page leaves the total open', 0, 50, { total: undefined, found: 50, exhausted: false }, 0],
    ['a full page further down', 60, 50, { total: undefined, found: 110, exhausted: false }, 0],
    ['a short page ends the list', 100, 50, { total: 120, found: 120, exhausted: true }, 0],
    ['a page that ends exactly at the end', 70, 50, { total: undefined, found: 120, exhausted: false }, 0],
    ['just past the end', 120, 50, { total: 120, found: 120, exhausted: true }, 1],
    ['far past the end (the list shrank under a scrolled view)', 500, 50, { total: 120, found: 120, exhausted: true }, 1],
  ])('unfiltered: %s, without counting first', async (_label, start, size, expected, counts) => {
    const db = await seeded(Array.from({ length: 120 }, (_, i) => ({ id: i, priority: 50 })));
    const count = vi.spyOn(db.Collection.prototype, 'count');
    const win = await queueWindow(db, { state: 'new' }, start, size);
    expect(win).toMatchObject(expected);
    expect(win.items).toHaveLength(Math.max(0, Math.min(size, 120 - start)));
    expect(count).toHaveBeenCalledTimes(counts);
  });

  it('an empty state is known to be empty from its first page alone', async () => {
    const db = await seeded(TABLE);
    const count = vi.spyOn(db.Collection.prototype, 'count');
    expect(await queueWindow(db, { state: 'snoozed' }, 0, 50)).toMatchObject({ items: [], total: 0, found: 0, exhausted: true });
    expect(count).not.toHaveBeenCalled();
  });

  it('windows of an unfiltered state join up to the whole list without gaps or repeats', async () => {
    const specs = Array.from({ length: 95 }, (_, i) => ({ id: i, priority: (i * 37) % 101 }));
    const db = await seeded(specs);
    const parts: QueueItem[] = [];
    let win = await queueWindow(db, { state: 'new' }, 0, 10);
    for (; ; win = await queueWindow(db, { state: 'new' }, win.found, 10)) {
      parts.push(...win.items);
      if (win.exhausted) break;
    }
    expect(win.total).toBe(95);
    expect(keys(parts)).toEqual(keys(await queueWindow(db, { state: 'new' }, 0, 1000).then((w) => w.items)));
    expect(new Set(keys(parts)).size).toBe(95);
  });
});

// fake-indexeddb seeds a thousand rows slowly on a busy 2-core machine.
describe('collectWindow reads no more than it needs', { timeout: 30_000 }, () => {
  const make = (n: number, every: number) =>
    Array.from({ length: n }, (_, i) => ({ id: i, priority: 50, createdAt: 1_000 + i, codes: i % every === 0 ? ['complaint'] : ['praise'] }));

  it.each([
    // [table size, one match every n rows, window start, window size, chunk]
    [1_000, 10, 0, 20, 50],
    [1_000, 10, 40, 20, 50],
    [1_000, 2, 0, 50, 200],
    [1_000, 1, 100, 50, 200],
  ])('%i rows, a match every %i, window %i+%i, chunk %i', async (n, every, start, size, chunk) => {
    const db = await seeded(make(n, every));
    const { wrapped, stats } = counting(indexSource(db, { state: 'new' }));
    const win = await collectWindow(wrapped, (i) => hasReason(i, 'complaint'), start, size, chunk);
    expect(win.items).toHaveLength(size);
    expect(win.exhausted).toBe(false);
    // Rows up to the window's last match (index order = insertion order here), in whole chunks.
    const needed = (start + size - 1) * every + 1;
    expect(stats.rows).toBe(Math.ceil(needed / chunk) * chunk);
    expect(stats.rows).toBeLessThan(n);
    expect(win.scanned).toBe(stats.rows);
  });

  it('stops at the end of the index when matches run out', async () => {
    const db = await seeded(make(450, 100));
    const { wrapped, stats } = counting(indexSource(db, { state: 'new' }));
    const win = await collectWindow(wrapped, (i) => hasReason(i, 'complaint'), 0, 50, 200);
    expect(win.items).toHaveLength(5);
    expect(win).toMatchObject({ exhausted: true, total: 5 });
    expect(stats).toEqual({ rows: 450, calls: 3 });
  });

  it('a brand filter is answered by the [brandId+state+rank] index, not by scanning', async () => {
    const specs = Array.from({ length: 1_000 }, (_, i) => ({ id: i, priority: i % 100, brandId: i < 990 ? 'big' : 'small' }));
    const db = await seeded(specs);
    const { wrapped, stats } = counting(indexSource(db, { state: 'new', brandId: 'small' }));
    const win = await collectWindow(wrapped, () => true, 0, 50, 200);
    expect(win.items.map((i) => i.brandId)).toEqual(Array(10).fill('small'));
    expect(stats.rows).toBe(10);
  });
});

describe('filters and counts', () => {
  it.each([
    ['complaint', ['complaint'], true],
    ['spam', ['spam.giveaway'], true],
    ['spam', ['spammy'], false],
    ['waiting', ['overdue'], false],
    ['customer', [], false],
  ])('hasReason(%s) on %j → %s', (reason, codes, expected) => {
    expect(hasReason({ reasonCodes: codes }, reason)).toBe(expected);
  });

  it('no residual predicate without site or reason (the index alone answers)', () => {
    expect(residualPredicate({ state: 'new', brandId: 'acme' })).toBeUndefined();
    expect(residualPredicate({ state: 'new', site: 'x' })).toBeTypeOf('function');
  });

  it('counts per state, per brand, from the index', async () => {
    const db = await seeded(TABLE);
    expect(await queueCounts(db, ['new', 'filtered', 'dismissed', 'replied'])).toEqual({ new: 5, filtered: 1, dismissed: 1, replied: 0 });
    expect(await queueCounts(db, ['new', 'filtered'], 'other')).toEqual({ new: 2, filtered: 0 });
  });
});

describe('state changes', () => {
  it('restore from Filtered sticks, escalation keeps the colleague, dismissal keeps its reason', async () => {
    const db = await seeded(TABLE);
    const restored = await setQueueState(db, { key: 'x:5', state: 'new' }, 5);
    expect(restored).toMatchObject({ state: 'new', restored: true, filteredBy: undefined });
    const escalated = await setQueueState(db, { key: 'x:1', state: 'escalated', note: 'refund over limit', assignedAgent: 'Maria' }, 6);
    expect(escalated).toMatchObject({ state: 'escalated', note: 'refund over limit', assignedAgent: 'Maria' });
    const dismissed = await setQueueState(db, { key: 'x:3', state: 'dismissed', dismissReason: 'duplicate' }, 7);
    expect(dismissed).toMatchObject({ state: 'dismissed', dismissReason: 'duplicate', snoozedUntil: undefined });
  });

  it('snoozed items wake when due, not before', async () => {
    const db = await seeded(TABLE);
    await setQueueState(db, { key: 'x:1', state: 'snoozed', snoozedUntil: 10_000 });
    await setQueueState(db, { key: 'x:3', state: 'snoozed', snoozedUntil: 20_000 });
    expect(await wakeSnoozed(db, 15_000)).toBe(1);
    expect((await db.queue.get('x:1'))?.state).toBe('new');
    expect((await db.queue.get('x:3'))?.state).toBe('snoozed');
  });

  it('due follow-ups come soonest first and can be filtered by brand', async () => {
    const db = await seeded(TABLE);
    await setQueueState(db, { key: 'x:4', state: 'replied', followUpAt: 300 });
    await setQueueState(db, { key: 'x:1', state: 'replied', followUpAt: 200 });
    await setQueueState(db, { key: 'x:3', state: 'replied', followUpAt: 9_000 });
    expect(keys(await dueFollowUps(db, 1_000))).toEqual(['x:1', 'x:4']);
    expect(keys(await dueFollowUps(db, 1_000, 'other'))).toEqual(['x:4']);
  });
});
