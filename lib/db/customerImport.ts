/**
 * Customer imports: merging each imported row with what is stored, and committing the whole file
 * in ONE transaction: records are merged (createdAt kept, order numbers and tags unioned, the
 * agent's notes never lost) and validated chunk by chunk inside that transaction, so a bad record
 * anywhere rolls back everything written before it. Staging between preview and confirm:
 * ./importStaging.ts. Only the background writes.
 */
import { CustomerSchema, type Customer, type CustomerImportField } from '../schemas/customers';
import { classifyHonouringLinks } from './customerLinks';
import { rematchQueue } from './customerRematch';
import type { ReplylineDb } from './db';

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
  const result = await db.transaction('rw', db.customers, async () => {
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
  // Right after the commit, in bounded transactions: open items naming these customers re-match.
  for (let start = 0; start < customers.length; start += chunkSize) {
    const ids = customers.slice(start, start + chunkSize).flatMap((c) => {
      const parsed = CustomerSchema.pick({ id: true }).safeParse(c);
      return parsed.success ? [parsed.data.id] : [];
    });
    const stored = (await db.customers.bulkGet(ids)).filter((c): c is Customer => c !== undefined);
    await rematchQueue(db, stored, classifyHonouringLinks(now), now);
  }
  return result;
}

/** How many of these ids are already stored (the summary's "to update"). Read-only. */
export async function countExisting(db: ReplylineDb, ids: readonly string[]): Promise<number> {
  const found = await db.customers.bulkGet([...ids]);
  return found.filter((c) => c !== undefined).length;
}
