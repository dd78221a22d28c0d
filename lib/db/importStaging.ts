/**
 * Customer imports staged in IndexedDB between the preview and the agent's "Import": Chrome stops
 * an idle service worker after about 30 s, and memory staging lost the prepared import with it.
 * One row per staged chunk plus one head row per import (the ids staged so far, so a chunk sent
 * twice is not staged twice). Nothing here touches the customers table; commit reads the chunks,
 * writes them in one transaction (customers.ts) and only then forgets them.
 */
import { z } from 'zod';
import { CustomerSchema, type Customer } from '../schemas/customers';
import { EpochMsSchema } from '../schemas/primitives';
import type { ReplylineDb } from './db';

const ImportIdSchema = z.string().min(1).max(80);

export const StagedImportRowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('head'), id: z.string(), importId: ImportIdSchema, ids: z.array(z.string()), touched: EpochMsSchema }),
  z.object({ kind: z.literal('chunk'), id: z.string(), importId: ImportIdSchema, seq: z.number().int().nonnegative(), customers: z.array(CustomerSchema), touched: EpochMsSchema }),
]);
export type StagedImportRow = z.infer<typeof StagedImportRowSchema>;

/** An abandoned import (panel closed mid-way) is dropped after a day. */
const STALE_MS = 24 * 60 * 60 * 1000;

const headId = (importId: string) => `${importId}\u0000head`;
const chunkId = (importId: string, seq: number) => `${importId}\u0000${String(seq).padStart(6, '0')}`;

export class ImportStaging {
  constructor(
    private readonly db: ReplylineDb,
    private readonly maxRows = 250_000,
  ) {}

  /** Adds a chunk; returns how many distinct customers the import has staged so far. */
  async add(importId: string, chunk: readonly Customer[], now = Date.now()): Promise<{ staged: number }> {
    const { db } = this;
    const staged = await db.transaction('rw', db.importStaging, async () => {
      const head = StagedImportRowSchema.parse((await db.importStaging.get(headId(importId))) ?? { kind: 'head', id: headId(importId), importId, ids: [], touched: now });
      if (head.kind !== 'head') throw new Error(`Import ${importId} has no head`);
      const known = new Set(head.ids);
      const fresh: Customer[] = [];
      // The mapper already reports duplicates as bad rows; a repeated chunk must not double them.
      for (const c of chunk) {
        if (known.has(c.id)) continue;
        known.add(c.id);
        fresh.push(CustomerSchema.parse(c));
      }
      if (known.size > this.maxRows) {
        await db.importStaging.where('importId').equals(importId).delete();
        throw new Error(`Import ${importId} is larger than ${this.maxRows} rows`);
      }
      const seq = await db.importStaging.where('importId').equals(importId).count();
      const rows: StagedImportRow[] = [{ kind: 'head', id: head.id, importId, ids: [...known], touched: now }];
      if (fresh.length > 0) rows.push({ kind: 'chunk', id: chunkId(importId, seq), importId, seq, customers: fresh, touched: now });
      await db.importStaging.bulkPut(rows);
      return known.size;
    });
    await this.forgetStale(now);
    return { staged };
  }

  /** The staged customers in the order they came, or undefined when nothing is staged. */
  async read(importId: string): Promise<Customer[] | undefined> {
    const rows = (await this.db.importStaging.where('importId').equals(importId).toArray()).map((r) => StagedImportRowSchema.parse(r));
    if (!rows.some((r) => r.kind === 'head')) return undefined;
    const chunks = rows.flatMap((r) => (r.kind === 'chunk' ? [r] : []));
    chunks.sort((a, b) => a.seq - b.seq);
    return chunks.flatMap((c) => c.customers);
  }

  /** Forgets the import; true when something was staged. */
  async discard(importId: string): Promise<boolean> {
    return (await this.db.importStaging.where('importId').equals(importId).delete()) > 0;
  }

  private async forgetStale(now: number): Promise<void> {
    await this.db.importStaging.where('touched').below(now - STALE_MS).delete();
  }
}
