/**
 * Re-scoring for the agent's customer links: a manual link scores the linked customer, an unlink
 * scores none, whatever automatic matching finds; the queue item is re-classified in the link's
 * own transaction. Only the background writes.
 */
import { classifyPost } from '../pipeline/classify';
import { priorityOf, scorePost } from '../triage';
import type { Customer } from '../schemas/customers';
import { QueueItemSchema, type QueueItem, type Reason } from '../schemas/queue';
import type { BrandProfile } from '../schemas/settings';
import type { ReplylineDb } from './db';
import { ingestPosts, type Classification, type Classify } from './ingest';

// Re-scoring runs ingest inside the link's transaction, and ingest's tables grow with the product
// (mentions, rollups…): the link transaction spans every table so it always includes ingest's.
export const LINK_TABLES = (db: ReplylineDb) => db.tables;

/**
 * Puts the customer reason the agent's link implies into a classification: removes automatic
 * `customer` reasons, adds the linked customer's (scored by triage's own formula), and keeps a
 * filtered post at 0 by re-balancing its `spam.*` damper.
 */
export function withLinkedCustomer(c: Classification, brand: BrandProfile | undefined, customer: Customer | undefined, now: number): Classification {
  if (!c.triage || !brand) return c;
  const reasons: Reason[] = c.triage.reasons.filter((r) => r.code !== 'customer');
  if (customer) {
    const scored = scorePost({ text: '' }, brand, { now, customer: { orderCount: customer.orderCount, totalSpent: customer.totalSpent, name: customer.name, currency: customer.currency } });
    const reason = scored.reasons.find((r) => r.code === 'customer');
    if (reason) reasons.unshift(reason);
  }
  const spamIndex = reasons.findIndex((r) => r.code.startsWith('spam'));
  const spam = reasons[spamIndex];
  if (spam) {
    const others = reasons.reduce((s, r, i) => (i === spamIndex ? s : s + r.points), 0);
    reasons[spamIndex] = { ...spam, points: -others };
  }
  const priority = priorityOf(reasons);
  return { ...c, triage: { ...c.triage, reasons, priority } };
}

/**
 * classifyPost, honouring the agent's decision on an existing queue item: a manual link scores
 * the linked customer, an unlink scores none, whatever automatic matching finds. Ingest keeps the
 * manual `customerMatch`; this keeps the reasons and priority consistent with it.
 */
export function classifyHonouringLinks(now?: number): Classify {
  return async (p, tx) => {
    const at = now ?? Date.now();
    const c = await classifyPost(p, tx, at);
    const item = await tx.queue.get(p.key);
    if (!item || !(item.customerMatch?.by === 'manual' || item.customerUnlinked)) return c;
    const customer = item.customerId ? await tx.customers.get(item.customerId) : undefined;
    const brand = c.brandId ? await tx.brands.get(c.brandId) : undefined;
    return withLinkedCustomer(c, brand, customer, at);
  };
}

/** Re-runs classification for one queue item, honouring its manual link or unlink. */
async function rescore(db: ReplylineDb, key: string, now: number): Promise<void> {
  const post = await db.posts.get(key);
  if (post) await ingestPosts(db, [post], classifyHonouringLinks(now), now, new Set([key]));
}

/** The agent says "this is the customer": a manual link, confidence 1, and re-scored at once. */
export async function linkCustomer(db: ReplylineDb, key: string, customerId: string, now = Date.now()): Promise<QueueItem> {
  return db.transaction('rw', LINK_TABLES(db), async () => {
    const [item, customer] = await Promise.all([db.queue.get(key), db.customers.get(customerId)]);
    if (!item) throw new Error(`No queue item ${key}`);
    if (!customer) throw new Error(`No customer ${customerId}`);
    await db.queue.put(
      QueueItemSchema.parse({
        ...item,
        customerId,
        customerMatch: { customerId, confidence: 1, by: 'manual', why: 'manual' },
        customerUnlinked: false,
        updatedAt: now,
      }),
    );
    await rescore(db, key, now);
    const next = await db.queue.get(key);
    if (!next) throw new Error(`No queue item ${key}`);
    return next;
  });
}

/** "Unlink" / "Not this person": clears the link and keeps automatic matching off for the item. */
export async function unlinkCustomer(db: ReplylineDb, key: string, now = Date.now()): Promise<QueueItem> {
  return db.transaction('rw', LINK_TABLES(db), async () => {
    const item = await db.queue.get(key);
    if (!item) throw new Error(`No queue item ${key}`);
    await db.queue.put(QueueItemSchema.parse({ ...item, customerId: undefined, customerMatch: undefined, customerUnlinked: true, updatedAt: now }));
    await rescore(db, key, now);
    const next = await db.queue.get(key);
    if (!next) throw new Error(`No queue item ${key}`);
    return next;
  });
}
