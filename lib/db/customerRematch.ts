/**
 * Re-matches open queue items after customers change (import, edit, delete), so a post that names
 * a customer's email or order number shows the customer without a page reload. The items are found
 * by index only — posts.matchKeys for what the matcher would look up, queue.customerId for current
 * links — never by reading the queue; each is re-classified through ingest (honouring the agent's
 * manual links and unlinks), so priority, reasons and review rollups follow in the same write.
 */
import { customerMatchKeys, type MatchableCustomer } from '../customers/matchKeys';
import type { Post } from '../schemas/posts';
import type { QueueState } from '../schemas/queue';
import type { ReplylineDb } from './db';
import { ingestPosts, type Classify } from './ingest';

/** Items still being worked on; replied and dismissed ones keep the customer they were handled with. */
const OPEN: ReadonlySet<QueueState> = new Set(['new', 'inProgress', 'escalated', 'snoozed', 'filtered']);
/** Keys per index look-up, and posts per re-classification batch (bounded transactions). */
const KEYS_PER_LOOKUP = 5000;
const POSTS_PER_BATCH = 200;

/** Queue keys whose post shares an identifier with these customers, or that link one of them. */
export async function queueKeysFor(db: ReplylineDb, customers: readonly (MatchableCustomer & { id: string })[]): Promise<string[]> {
  const matchKeys = [...new Set(customers.flatMap(customerMatchKeys))];
  const ids = [...new Set(customers.map((c) => c.id))];
  const found = new Set<string>();
  for (let i = 0; i < matchKeys.length; i += KEYS_PER_LOOKUP) {
    const keys = await db.posts.where('matchKeys').anyOf(matchKeys.slice(i, i + KEYS_PER_LOOKUP)).primaryKeys();
    for (const key of keys) found.add(key);
  }
  for (let i = 0; i < ids.length; i += KEYS_PER_LOOKUP) {
    const keys = await db.queue.where('customerId').anyOf(ids.slice(i, i + KEYS_PER_LOOKUP)).primaryKeys();
    for (const key of keys) found.add(key);
  }
  return [...found];
}

/** Re-classifies the open queue items among `keys`; returns how many were re-matched. */
export async function reclassifyOpen(db: ReplylineDb, keys: readonly string[], classify: Classify, now: number): Promise<number> {
  let done = 0;
  for (let i = 0; i < keys.length; i += POSTS_PER_BATCH) {
    const batch = keys.slice(i, i + POSTS_PER_BATCH);
    const items = await db.queue.bulkGet(batch);
    const open = batch.filter((_k, j) => {
      const item = items[j];
      return item !== undefined && OPEN.has(item.state);
    });
    if (open.length === 0) continue;
    const posts = (await db.posts.bulkGet(open)).filter((p): p is Post => p !== undefined);
    if (posts.length === 0) continue;
    await ingestPosts(db, posts, classify, now);
    done += posts.length;
  }
  return done;
}

/** Both steps: the open items these customers (before and after the change) may concern. */
export async function rematchQueue(
  db: ReplylineDb,
  customers: readonly (MatchableCustomer & { id: string })[],
  classify: Classify,
  now: number,
): Promise<number> {
  return reclassifyOpen(db, await queueKeysFor(db, customers), classify, now);
}
