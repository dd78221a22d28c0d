/** Queue reads and state changes. Pages come from the [state+rank] index, never a full scan. */
import Dexie from 'dexie';
import { QueueItemSchema, type QueueItem, type QueueState } from '../schemas';
import type { ReplylineDb } from './db';

export interface QueueStateChange {
  key: string;
  state: QueueState;
  snoozedUntil?: number;
  note?: string;
  dismissReason?: string;
}

export async function setQueueState(db: ReplylineDb, change: QueueStateChange, now = Date.now()): Promise<QueueItem> {
  return db.transaction('rw', db.queue, async () => {
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
      updatedAt: now,
    });
    await db.queue.put(next);
    return next;
  });
}

/** One page of a state's queue, highest priority first, oldest first within a priority. */
export function queuePage(db: ReplylineDb, state: QueueState, limit = 50, offset = 0): Promise<QueueItem[]> {
  return db.queue
    .where('[state+rank]')
    .between([state, Dexie.minKey], [state, Dexie.maxKey])
    .reverse()
    .offset(offset)
    .limit(limit)
    .toArray();
}

export function queueCount(db: ReplylineDb, state: QueueState): Promise<number> {
  return db.queue.where('[state+rank]').between([state, Dexie.minKey], [state, Dexie.maxKey]).count();
}

/** Snoozed items whose time has come go back to "new"; called on a timer by the background. */
export async function wakeSnoozed(db: ReplylineDb, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.queue, async () => {
    const due = await db.queue.where('snoozedUntil').belowOrEqual(now).toArray();
    const woken = due.filter((item) => item.state === 'snoozed');
    await db.queue.bulkPut(woken.map((item) => ({ ...item, state: 'new' as const, snoozedUntil: undefined, updatedAt: now })));
    return woken.length;
  });
}
