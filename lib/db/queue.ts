/**
 * Queue reads and state changes. Every read is index-driven: pages come from [state+rank] (or
 * [brandId+state+rank] when a brand is chosen) in priority order; filters the index cannot answer
 * (site, reason) are applied to chunks read from that index until the window is full, so a
 * 100,000-item queue is never loaded whole.
 */
import Dexie from 'dexie';
import type { Site } from '../schemas/primitives';
import { QueueItemSchema, type QueueItem, type QueueState } from '../schemas/queue';
import type { ReplylineDb } from './db';
import type { Classify } from './ingest';
import { reviewUpkeepTables, syncMentions } from './rollups';
import { triageFields } from './triageFields';

export interface QueueStateChange {
  key: string;
  state: QueueState;
  snoozedUntil?: number;
  note?: string;
  dismissReason?: string;
  assignedAgent?: string;
  followUpAt?: number;
}

/** States an agent is done with: re-ranking leaves them alone. */
export const FINAL_STATES: readonly QueueState[] = ['replied', 'dismissed'];

export async function setQueueState(db: ReplylineDb, change: QueueStateChange, now = Date.now()): Promise<QueueItem> {
  return db.transaction('rw', [db.queue, ...reviewUpkeepTables(db)], async () => {
    const item = await db.queue.get(change.key);
    if (!item) throw new Error(`No queue item ${change.key}`);
    // Leaving the filtered list is the agent overruling a noise rule: it sticks.
    const restoring = item.state === 'filtered' && change.state !== 'filtered';
    const next = QueueItemSchema.parse({
      ...item,
      state: change.state,
      restored: item.restored || restoring,
      filteredBy: restoring ? undefined : item.filteredBy,
      snoozedUntil: change.state === 'snoozed' ? change.snoozedUntil : undefined,
      note: change.note ?? item.note,
      dismissReason: change.state === 'dismissed' ? change.dismissReason ?? item.dismissReason : item.dismissReason,
      assignedAgent: change.assignedAgent ?? item.assignedAgent,
      followUpAt: change.followUpAt ?? item.followUpAt,
      updatedAt: now,
    });
    await db.queue.put(next);
    await syncMentions(db, [next]);
    return next;
  });
}

/** Sets (or, with undefined, clears: "Done") an item's follow-up reminder. */
export async function setFollowUp(db: ReplylineDb, key: string, followUpAt: number | undefined, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.queue, async () => {
    const item = await db.queue.get(key);
    if (!item) throw new Error(`No queue item ${key}`);
    await db.queue.put({ ...item, followUpAt, updatedAt: now });
  });
}

// ---------------------------------------------------------------- filtered, windowed reads

export interface QueueFilter {
  state: QueueState;
  brandId?: string | undefined;
  site?: Site | undefined;
  /** A reason code (`complaint`) or family (`spam` matches every `spam.<rule>`). */
  reason?: string | undefined;
}

/** The index range for a state (and brand), in priority order when read in reverse. */
function stateRange(db: ReplylineDb, filter: Pick<QueueFilter, 'state' | 'brandId'>) {
  return filter.brandId === undefined
    ? db.queue.where('[state+rank]').between([filter.state, Dexie.minKey], [filter.state, Dexie.maxKey])
    : db.queue.where('[brandId+state+rank]').between([filter.brandId, filter.state, Dexie.minKey], [filter.brandId, filter.state, Dexie.maxKey]);
}

/** True when an item carries the reason code, or any code of that family (`spam` → `spam.giveaway`). */
export function hasReason(item: Pick<QueueItem, 'reasonCodes'>, reason: string): boolean {
  return item.reasonCodes.some((code) => code === reason || code.startsWith(`${reason}.`));
}

/** The filters the index cannot answer, as one predicate (undefined = none). */
export function residualPredicate(filter: QueueFilter): ((item: QueueItem) => boolean) | undefined {
  const { site, reason } = filter;
  if (site === undefined && reason === undefined) return undefined;
  return (item) => (site === undefined || item.site === site) && (reason === undefined || hasReason(item, reason));
}

/** Reads `limit` items of the index order starting at `offset`. Tests wrap it to count reads. */
export type ChunkSource = (offset: number, limit: number) => Promise<QueueItem[]>;

export function indexSource(db: ReplylineDb, filter: Pick<QueueFilter, 'state' | 'brandId'>): ChunkSource {
  // offset() on an unfiltered index range advances the cursor without reading the skipped rows.
  return (offset, limit) => stateRange(db, filter).reverse().offset(offset).limit(limit).toArray();
}

export interface QueueWindow {
  items: QueueItem[];
  /** Index of items[0] in the (filtered) list. */
  start: number;
  /**
   * Exact size of the list when this read reached its end; undefined otherwise. Never counted up
   * front: an index count is O(n) (≈1 s at 100k), so totals come from queueCounts, apart from rows.
   */
  total: number | undefined;
  /** Matches found so far; with `exhausted` false there may be more after them. */
  found: number;
  exhausted: boolean;
  /** Rows read from the index to answer (for tests and the bench). */
  scanned: number;
}

export const SCAN_CHUNK = 200;

/**
 * Items [start, start+size) of the list `predicate` selects from `source`, reading the index in
 * chunks and stopping as soon as the window is full. Cost is bounded by the rows that precede the
 * window's end in index order, never by the table's size.
 */
export async function collectWindow(
  source: ChunkSource,
  predicate: (item: QueueItem) => boolean,
  start: number,
  size: number,
  chunk = SCAN_CHUNK,
): Promise<QueueWindow> {
  const items: QueueItem[] = [];
  let found = 0;
  let scanned = 0;
  const end = start + size;
  for (;;) {
    const rows = await source(scanned, chunk);
    scanned += rows.length;
    for (const row of rows) {
      if (!predicate(row)) continue;
      if (found >= start && found < end) items.push(row);
      found += 1;
      if (found >= end) return { items, start, total: undefined, found, exhausted: false, scanned };
    }
    if (rows.length < chunk) return { items, start, total: found, found, exhausted: true, scanned };
  }
}

/**
 * One window of the queue for the panel: a direct index page when no residual filter applies. Rows
 * only, so the first row is never held back by a count; a short page tells the list's end.
 */
export async function queueWindow(db: ReplylineDb, filter: QueueFilter, start: number, size: number): Promise<QueueWindow> {
  const source = indexSource(db, filter);
  const predicate = residualPredicate(filter);
  if (predicate) return collectWindow(source, predicate, start, size);
  const items = await source(start, size);
  const scanned = items.length;
  if (items.length >= size) return { items, start, total: undefined, found: start + items.length, exhausted: false, scanned };
  // Nothing past `start` (the list shrank under a scrolled view) only says the end is before it:
  // then, rarely, count.
  const total = items.length > 0 || start === 0 ? start + items.length : await queueCount(db, filter.state, filter.brandId);
  return { items, start, total, found: total, exhausted: true, scanned };
}

/** One page of a state's queue, highest priority first, oldest first within a priority. */
export function queuePage(db: ReplylineDb, state: QueueState, limit = 50, offset = 0): Promise<QueueItem[]> {
  return indexSource(db, { state })(offset, limit);
}

export function queueCount(db: ReplylineDb, state: QueueState, brandId?: string): Promise<number> {
  return stateRange(db, { state, brandId }).count();
}

/**
 * Per-state counts from the index alone (no rows are read), in one read transaction: one snapshot,
 * so an item moving between states is never counted twice or missed.
 */
export async function queueCounts(db: ReplylineDb, states: readonly QueueState[], brandId?: string): Promise<Record<string, number>> {
  return db.transaction('r', db.queue, async () =>
    Object.fromEntries(await Promise.all(states.map(async (s) => [s, await queueCount(db, s, brandId)] as const))),
  );
}

/** Follow-ups that are due, soonest first: the banner at the top of the New list. */
export async function dueFollowUps(db: ReplylineDb, now: number, brandId?: string, limit = 20): Promise<QueueItem[]> {
  return db.queue
    .where('followUpAt')
    .belowOrEqual(now)
    .filter((item) => brandId === undefined || item.brandId === brandId)
    .limit(limit)
    .toArray();
}

// ---------------------------------------------------------------- timers and re-ranking

/** Snoozed items whose time has come go back to "new"; called on a timer by the background. */
export async function wakeSnoozed(db: ReplylineDb, now = Date.now()): Promise<number> {
  return db.transaction('rw', [db.queue, ...reviewUpkeepTables(db)], async () => {
    const due = await db.queue.where('snoozedUntil').belowOrEqual(now).toArray();
    const woken = due.filter((item) => item.state === 'snoozed');
    const writes = woken.map((item) => ({ ...item, state: 'new' as const, snoozedUntil: undefined, updatedAt: now }));
    await db.queue.bulkPut(writes);
    await syncMentions(db, writes);
    return woken.length;
  });
}

export const RERANK_CHUNK = 200;

/**
 * Re-scores a brand's open items with the current brand settings, one transaction per chunk so
 * page ingestion is never blocked for long. Keeps state, except that a new item a now-enabled rule
 * catches moves to Filtered and a filtered item no rule catches any more returns to New (an item
 * the agent restored is never filtered again).
 */
export async function rerankQueue(db: ReplylineDb, brandId: string, classify: Classify, now = Date.now(), chunk = RERANK_CHUNK): Promise<number> {
  const states: QueueState[] = ['new', 'inProgress', 'escalated', 'snoozed', 'filtered'];
  // Keys only: the ranks change as we write, so the index cannot be paged while we go.
  const keys = (await Promise.all(states.map((state) => stateRange(db, { state, brandId }).primaryKeys()))).flat();
  let rescored = 0;
  for (let i = 0; i < keys.length; i += chunk) {
    const slice = keys.slice(i, i + chunk);
    rescored += await db.transaction('rw', [db.queue, db.posts, db.brands, db.customers, db.authors, ...reviewUpkeepTables(db)], async () => {
      const [items, posts] = await Promise.all([db.queue.bulkGet(slice), db.posts.bulkGet(slice)]);
      const writes: QueueItem[] = [];
      for (const [j, item] of items.entries()) {
        const post = posts[j];
        if (!item || !post || FINAL_STATES.includes(item.state)) continue;
        const c = await classify(post, db);
        if (!c.triage || c.brandId !== brandId) continue;
        const fields = triageFields(c.triage, c.terms, item.postCreatedAt, item);
        const state = item.state === 'new' && fields.filteredBy ? 'filtered' : item.state === 'filtered' && !fields.filteredBy ? 'new' : item.state;
        writes.push(
          QueueItemSchema.parse({
            ...item,
            state,
            ...fields,
            updatedAt: now,
          }),
        );
      }
      await db.queue.bulkPut(writes);
      await syncMentions(db, writes);
      return writes.length;
    });
    // Let queued page batches in between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return rescored;
}
