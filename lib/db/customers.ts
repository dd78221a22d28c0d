/**
 * Customer records: the agent's manual add/edit/delete (only the background writes) and the reads
 * the Customers tab and the queue item's card share. Imports: ./customerImport.ts (staging:
 * ./importStaging.ts); link re-scoring: ./customerLinks.ts; re-matching the queue when customers
 * change: ./customerRematch.ts; search: ./customerSearch.ts.
 */
import { normaliseName } from '../customers/normalise';
import { CustomerSchema, type Customer } from '../schemas/customers';
import { QueueItemSchema, type QueueItem } from '../schemas/queue';
import type { ReplyLogEntry } from '../schemas/replies';
import { classifyHonouringLinks, LINK_TABLES } from './customerLinks';
import { queueKeysFor, reclassifyOpen, rematchQueue } from './customerRematch';
import type { ReplylineDb } from './db';

export { commitImport, countExisting, mergeCustomer, type CommitResult, type ImportedFields } from './customerImport';
export { classifyHonouringLinks, linkCustomer, unlinkCustomer, withLinkedCustomer } from './customerLinks';
export { ImportStaging } from './importStaging';

// ---------------------------------------------------------------- manual edits

/** Adds or replaces one customer typed in by the agent; keeps createdAt of an existing id. */
export async function saveCustomer(db: ReplylineDb, input: unknown, now = Date.now()): Promise<Customer> {
  return db.transaction('rw', LINK_TABLES(db), async () => {
    const customer = CustomerSchema.parse(input);
    const existing = await db.customers.get(customer.id);
    const next = CustomerSchema.parse({
      ...customer,
      nameKey: normaliseName(customer.name || customer.facebookName).slice(0, 300),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    await db.customers.put(next);
    // Items matched by what the customer was and by what they are now re-match in this write.
    await rematchQueue(db, existing ? [existing, next] : [next], classifyHonouringLinks(now), now);
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
  await db.transaction('rw', LINK_TABLES(db), async () => {
    const existing = await db.customers.get(id);
    // Found before the delete: afterwards the customer's identifiers are gone from the index's side.
    const affected = existing ? await queueKeysFor(db, [existing]) : [];
    await db.customers.delete(id);
    const linked = await db.queue.where('customerId').equals(id).toArray();
    await db.queue.bulkPut(linked.map((item) => QueueItemSchema.parse({ ...item, customerId: undefined, customerMatch: undefined, updatedAt: now })));
    // Priority and reasons no longer count the customer; a weak suggestion of them goes too.
    await reclassifyOpen(db, affected, classifyHonouringLinks(now), now);
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

// Search by any word of name, email, handle or order number: ./customerSearch.ts.
export { searchCustomers } from './customerSearch';
