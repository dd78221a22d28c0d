/**
 * Customer writes (import commit, manual add/edit, delete, queue links) and the read queries the
 * Customers tab and the queue item's card share. Only the background calls the write functions.
 *
 * An import is committed in ONE transaction: records are merged with what is stored (createdAt
 * kept, order numbers and tags unioned, the agent's notes never lost) and validated chunk by chunk
 * inside that transaction, so a bad record anywhere rolls back everything written before it.
 */
import { normaliseEmail, normaliseName, normaliseOrderNumber, normaliseXHandle } from '../customers/normalise';
import { ingestPosts, type Classification, type Classify } from './ingest';
import { classifyPost } from '../pipeline/classify';
import { scorePost } from '../triage';
import {
  CustomerSchema,
  QueueItemSchema,
  type BrandProfile,
  type Customer,
  type CustomerImportField,
  type QueueItem,
  type Reason,
  type ReplyLogEntry,
} from '../schemas';
import type { ReplylineDb } from './db';

// ---------------------------------------------------------------- import merge and commit

/** Numeric fields are taken from the file only when the file had that column. */
export type ImportedFields = readonly CustomerImportField[];

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

/**
 * One stored customer updated by one imported row. Text the file leaves empty keeps the stored
 * value; order numbers and tags are unioned; notes written in Replyline are kept and the file's
 * note appended when it says something new.
 */
export function mergeCustomer(existing: Customer | undefined, incoming: Customer, fields: ImportedFields, now: number): Customer {
  if (!existing) return { ...incoming, createdAt: now, updatedAt: now };
  const has = (f: CustomerImportField): boolean => fields.includes(f);
  const orderNumbers = union(existing.orderNumbers, incoming.orderNumbers);
  const orderCount = has('orderCount') ? Math.max(incoming.orderCount, incoming.orderNumbers.length) : Math.max(existing.orderCount, orderNumbers.length);
  const notes =
    !incoming.notes || existing.notes.includes(incoming.notes) ? existing.notes : existing.notes ? `${existing.notes}\n${incoming.notes}`.slice(0, 5000) : incoming.notes;
  return {
    ...existing,
    name: incoming.name || existing.name,
    email: incoming.email || existing.email,
    xHandle: incoming.xHandle || existing.xHandle,
    facebookName: incoming.facebookName || existing.facebookName,
    facebookUrl: incoming.facebookUrl || existing.facebookUrl,
    nameKey: incoming.nameKey || existing.nameKey,
    orderCount,
    totalSpent: has('totalSpent') ? incoming.totalSpent : existing.totalSpent,
    currency: has('totalSpent') && incoming.currency ? incoming.currency : existing.currency,
    orderNumbers,
    orders: existing.orders,
    notes,
    tags: union(existing.tags, incoming.tags).slice(0, 200),
    source: incoming.source,
    createdAt: existing.createdAt,
    updatedAt: now,
  };
}

export interface CommitResult {
  added: number;
  updated: number;
}

/**
 * Writes an import atomically. `chunkSize` bounds memory per step; every chunk is read, merged,
 * validated and written inside the same transaction, so a failure in chunk k undoes chunks < k.
 */
export async function commitImport(
  db: ReplylineDb,
  customers: readonly unknown[],
  fields: ImportedFields,
  now = Date.now(),
  chunkSize = 5000,
): Promise<CommitResult> {
  return db.transaction('rw', db.customers, async () => {
    let added = 0;
    let updated = 0;
    for (let start = 0; start < customers.length; start += chunkSize) {
      // Parsing here (not before the transaction) is what makes a bad record abort everything.
      const chunk = customers.slice(start, start + chunkSize).map((c) => CustomerSchema.parse(c));
      const existing = await db.customers.bulkGet(chunk.map((c) => c.id));
      // Merging two valid records yields a valid one (unions of valid values, notes clipped): no second parse.
      const merged = chunk.map((c, i) => {
        const before = existing[i];
        if (before) updated++;
        else added++;
        return mergeCustomer(before, c, fields, now);
      });
      await db.customers.bulkPut(merged);
    }
    return { added, updated };
  });
}

/** How many of these ids are already stored (the summary's "to update"). Read-only. */
export async function countExisting(db: ReplylineDb, ids: readonly string[]): Promise<number> {
  const found = await db.customers.bulkGet([...ids]);
  return found.filter((c) => c !== undefined).length;
}

/**
 * Imports staged in the background's memory until the user confirms or cancels. Nothing reaches
 * the DB while staging; a service-worker restart forgets staged imports (the panel re-runs them).
 */
export class ImportStaging {
  private readonly imports = new Map<string, { customers: Customer[]; ids: Set<string>; touched: number }>();
  constructor(private readonly maxRows = 250_000) {}

  /** Adds a chunk; returns the totals so far and how many of the chunk's ids already exist. */
  add(importId: string, chunk: readonly Customer[], now = Date.now()): { staged: number } {
    const entry = this.imports.get(importId) ?? { customers: [], ids: new Set<string>(), touched: now };
    for (const c of chunk) {
      // The mapper already reports duplicates as bad rows; a repeated chunk must not double them.
      if (entry.ids.has(c.id)) continue;
      entry.ids.add(c.id);
      entry.customers.push(c);
    }
    if (entry.customers.length > this.maxRows) {
      this.imports.delete(importId);
      throw new Error(`Import ${importId} is larger than ${this.maxRows} rows`);
    }
    entry.touched = now;
    this.imports.set(importId, entry);
    this.forgetStale(now);
    return { staged: entry.customers.length };
  }

  take(importId: string): Customer[] | undefined {
    const entry = this.imports.get(importId);
    this.imports.delete(importId);
    return entry?.customers;
  }

  discard(importId: string): boolean {
    return this.imports.delete(importId);
  }

  /** An abandoned import (panel closed mid-way) is dropped after an hour. */
  private forgetStale(now: number): void {
    for (const [id, entry] of this.imports) if (now - entry.touched > 60 * 60 * 1000) this.imports.delete(id);
  }
}

// ---------------------------------------------------------------- manual edits

/** Adds or replaces one customer typed in by the agent; keeps createdAt of an existing id. */
export async function saveCustomer(db: ReplylineDb, input: unknown, now = Date.now()): Promise<Customer> {
  return db.transaction('rw', db.customers, async () => {
    const customer = CustomerSchema.parse(input);
    const existing = await db.customers.get(customer.id);
    const next = CustomerSchema.parse({
      ...customer,
      nameKey: normaliseName(customer.name || customer.facebookName).slice(0, 300),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    await db.customers.put(next);
    return next;
  });
}

export async function updateCustomerNotes(db: ReplylineDb, id: string, patch: { notes?: string; tags?: string[] }, now = Date.now()): Promise<Customer> {
  return db.transaction('rw', db.customers, async () => {
    const existing = await db.customers.get(id);
    if (!existing) throw new Error(`No customer ${id}`);
    const next = CustomerSchema.parse({ ...existing, notes: patch.notes ?? existing.notes, tags: patch.tags ?? existing.tags, updatedAt: now });
    await db.customers.put(next);
    return next;
  });
}

/** Deletes a customer and detaches them from queue items (the items stay, unlinked). */
export async function deleteCustomer(db: ReplylineDb, id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.customers, db.queue, async () => {
    await db.customers.delete(id);
    const linked = await db.queue.where('customerId').equals(id).toArray();
    // Weak suggestions (no customerId) pointing at the id are harmless: the card finds no customer.
    await db.queue.bulkPut(linked.map((item) => QueueItemSchema.parse({ ...item, customerId: undefined, customerMatch: undefined, updatedAt: now })));
  });
}

// ---------------------------------------------------------------- queue links

// Re-scoring runs ingest inside the link's transaction, and ingest's tables grow with the product
// (mentions, rollups…): the link transaction spans every table so it always includes ingest's.
const LINK_TABLES = (db: ReplylineDb) => db.tables;

/**
 * Puts the customer reason the agent's link implies into a classification: removes automatic
 * `customer` reasons, adds the linked customer's (scored by triage's own formula), and keeps a
 * filtered post at 0 by re-balancing its `spam.*` damper.
 */
export function withLinkedCustomer(c: Classification, brand: BrandProfile | undefined, customer: Customer | undefined, now: number): Classification {
  if (!c.triage || !brand) return c;
  const reasons: Reason[] = c.triage.reasons.filter((r) => r.code !== 'customer');
  if (customer) {
    const scored = scorePost({ text: '' }, brand, { now, customer: { orderCount: customer.orderCount, totalSpent: customer.totalSpent, name: customer.name } });
    const reason = scored.reasons.find((r) => r.code === 'customer');
    if (reason) reasons.unshift(reason);
  }
  const spamIndex = reasons.findIndex((r) => r.code.startsWith('spam'));
  const spam = reasons[spamIndex];
  if (spam) {
    const others = reasons.reduce((s, r, i) => (i === spamIndex ? s : s + r.points), 0);
    reasons[spamIndex] = { ...spam, points: -others };
  }
  const priority = Math.min(100, Math.max(0, reasons.reduce((s, r) => s + r.points, 0)));
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

// ---------------------------------------------------------------- reads (panels)

/** One past contact with the customer: a queue item or a reply we sent. */
export type Interaction =
  | { kind: 'queue'; at: number; item: QueueItem; postText: string }
  | { kind: 'reply'; at: number; entry: ReplyLogEntry };

/** Every queue item and logged reply linked to the customer, newest first (by index, not a scan). */
export async function customerInteractions(db: ReplylineDb, customerId: string, limit = 200): Promise<Interaction[]> {
  const [items, entries] = await Promise.all([
    db.queue.where('customerId').equals(customerId).limit(limit).toArray(),
    db.replyLog.where('customerId').equals(customerId).limit(limit).toArray(),
  ]);
  const posts = await db.posts.bulkGet(items.map((i) => i.key));
  const all: Interaction[] = [
    ...items.map((item, i): Interaction => ({ kind: 'queue', at: item.postCreatedAt, item, postText: posts[i]?.text ?? '' })),
    ...entries.map((entry): Interaction => ({ kind: 'reply', at: entry.repliedAt, entry })),
  ];
  // Same instant: the reply after the post it answers.
  all.sort((a, b) => b.at - a.at || (a.kind === b.kind ? 0 : a.kind === 'reply' ? -1 : 1));
  return all.slice(0, limit);
}

/** Customers page in name order (the list's default view). */
export function customersPage(db: ReplylineDb, limit: number, offset: number): Promise<Customer[]> {
  return db.customers.orderBy('nameKey').offset(offset).limit(limit).toArray();
}

/**
 * Search by name (start of any word via the full-name key's start), email, X handle or order
 * number, each through its index. Results are deduplicated, exact hits first.
 */
export async function searchCustomers(db: ReplylineDb, query: string, limit = 100): Promise<Customer[]> {
  const q = query.trim();
  if (!q) return [];
  const nameKey = normaliseName(q);
  const handle = normaliseXHandle(q);
  const email = q.includes('@') && !q.startsWith('@') ? (normaliseEmail(q) ?? q.toLowerCase()) : q.toLowerCase();
  const order = normaliseOrderNumber(q);
  const [byOrder, byHandle, byEmail, byName] = await Promise.all([
    order && /\d/.test(order) ? db.customers.where('orderNumbers').startsWith(order).limit(limit).toArray() : [],
    handle ? db.customers.where('xHandle').startsWith(handle).limit(limit).toArray() : [],
    db.customers.where('email').startsWith(email).limit(limit).toArray(),
    nameKey ? db.customers.where('nameKey').startsWith(nameKey).limit(limit).toArray() : [],
  ]);
  const seen = new Map<string, Customer>();
  for (const c of [...byOrder, ...byHandle, ...byEmail, ...byName]) if (!seen.has(c.id)) seen.set(c.id, c);
  return [...seen.values()].slice(0, limit);
}
