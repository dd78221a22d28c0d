/**
 * Queue reads at 100,000 items in real Chromium IndexedDB, in the extension's own origin.
 * Seeds the `replyline` database with raw IndexedDB (one transaction per 10k; Dexie's own bulkPut
 * is slower and not what we measure), then times:
 *   - the first 50-row page through the [state+rank] index, reversed (what queuePage does),
 *   - against reading every queue row (`getAll`), the "load everything then compute" anti-pattern,
 *   - and a side-panel reload until the first queue row is visible (the panel is virtualised).
 * Records are built in the page from a template; two are read back and parsed with the Zod
 * schemas, so the seeded shape cannot drift from lib/schemas unnoticed.
 */
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { queueRank } from '../../../lib/db/queueOrder';
import { PostSchema } from '../../../lib/schemas/posts';
import { QueueItemSchema, QueueStateSchema, type QueueState } from '../../../lib/schemas/queue';
import { createBrand } from '../../e2e/support/panel';
import { median, round, shimEsbuildNames, withExtension } from './session';

export interface QueueBenchOptions {
  items?: number;
  pageSize?: number;
  pageRepeats?: number;
  fullReadRepeats?: number;
  panelReloads?: number;
  limitMs?: number;
  log?: (line: string) => void;
}

export interface QueueBenchResult {
  items: number;
  newItems: number;
  seedMs: number;
  firstPageMs: number;
  firstPageSamplesMs: number[];
  /** The first reads after seeding (not in the median). */
  firstPageColdMs: number[];
  /** All six state counts through the index (what the panel's chips read on open). */
  countsMs: number;
  getAllMs: number;
  getAllSamplesMs: number[];
  /** getAll time over first-page time: how much the index saves. */
  ratio: number;
  panelFirstRowMs: number;
  panelFirstRowSamplesMs: number[];
}

const DB_NAME = 'replyline';
const CHUNK = 10_000;
const PAGE_SIZE = 50;
/** Most of a real queue is new; the rest spreads over the other states. */
const OTHER_STATES = QueueStateSchema.options.filter((s) => s !== 'new');

const SeedResultSchema = z.object({ seedMs: z.number(), samples: z.array(z.object({ queue: z.unknown(), post: z.unknown() })) });
const TimingSchema = z.object({ samples: z.array(z.number()), rows: z.number(), cold: z.array(z.number()).default([]) });
const BrandIdsSchema = z.array(z.string());

interface SeedInput {
  dbName: string;
  chunk: number;
  queueTemplate: Record<string, unknown>;
  postTemplate: Record<string, unknown>;
  states: QueueState[];
  priorities: number[];
  createdAts: number[];
  ranks: number[];
}

/** Runs in the page: seeds in chunks, then reads back the first and last records. */
async function seedInPage(input: SeedInput): Promise<unknown> {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(input.dbName);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const db = await open();
  const n = input.ranks.length;
  const keyOf = (i: number) => `x:${1_800_000_000_000_000_000n + BigInt(i)}`;
  const t0 = performance.now();
  for (let from = 0; from < n; from += input.chunk) {
    await new Promise<void>((resolve, reject) => {
      // Relaxed durability: the seed is setup, not the subject; skip the per-commit flush.
      const tx = db.transaction(['queue', 'posts'], 'readwrite', { durability: 'relaxed' });
      const queue = tx.objectStore('queue');
      const posts = tx.objectStore('posts');
      for (let i = from; i < Math.min(n, from + input.chunk); i++) {
        const key = keyOf(i);
        const postId = key.slice(2);
        const createdAt = input.createdAts[i] ?? 0;
        const state = input.states[i] ?? 'new';
        posts.put({
          ...input.postTemplate,
          key,
          postId,
          url: `https://x.com/customer_${i % 5000}/status/${postId}`,
          authorHandle: `customer_${i % 5000}`,
          authorName: `Customer ${i % 5000}`,
          text: `@acme order ${40000 + i} still has not arrived, any news? (${i})`,
          createdAt,
          seenAt: createdAt + 60_000,
        });
        queue.put({
          ...input.queueTemplate,
          key,
          state,
          priority: input.priorities[i] ?? 0,
          rank: input.ranks[i] ?? 0,
          postCreatedAt: createdAt,
          queuedAt: createdAt + 60_000,
          firstSeenAt: createdAt + 60_000,
          updatedAt: createdAt + 60_000,
          ...(state === 'replied' ? { repliedAt: createdAt + 600_000 } : {}),
        });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
  const seedMs = performance.now() - t0;
  const read = (store: string, key: string) =>
    new Promise<unknown>((resolve, reject) => {
      const req = db.transaction(store, 'readonly').objectStore(store).get(key);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const samples = [];
  for (const i of [0, n - 1]) samples.push({ queue: await read('queue', keyOf(i)), post: await read('posts', keyOf(i)) });
  db.close();
  return { seedMs, samples };
}

/** Runs in the page: first page via the compound index reversed, `repeats` times. */
async function firstPageInPage(input: { dbName: string; state: string; limit: number; repeats: number; warmup: number }): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(input.dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const store = db.transaction('queue', 'readonly').objectStore('queue');
  const indexName = [...store.indexNames].find((name) => name.replace(/[[\]\s]/g, '') === 'state+rank');
  if (!indexName) throw new Error(`no [state+rank] index in ${[...store.indexNames].join(', ')}`);
  const samples: number[] = [];
  let rows = 0;
  // Warm-up reads are not recorded (the first read after a bulk write also pays for compaction);
  // their times are returned as `cold` so the cold cost stays visible.
  const cold: number[] = [];
  for (let r = 0; r < input.warmup + input.repeats; r++) {
    const t0 = performance.now();
    rows = await new Promise<number>((resolve, reject) => {
      const index = db.transaction('queue', 'readonly').objectStore('queue').index(indexName);
      const range = IDBKeyRange.bound([input.state, -Infinity], [input.state, Infinity]);
      const out: unknown[] = [];
      const req = index.openCursor(range, 'prev');
      req.onsuccess = () => {
        const cursor = req.result;
        if (cursor && out.length < input.limit) {
          out.push(cursor.value);
          cursor.continue();
        } else resolve(out.length);
      };
      req.onerror = () => reject(req.error);
    });
    (r < input.warmup ? cold : samples).push(performance.now() - t0);
  }
  db.close();
  return { samples, rows, cold };
}

/** Runs in the page: counts every state through the index, as the panel's state chips do. */
async function countsInPage(input: { dbName: string; states: string[]; repeats: number }): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(input.dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const store = db.transaction('queue', 'readonly').objectStore('queue');
  const indexName = [...store.indexNames].find((name) => name.replace(/[[\]\s]/g, '') === 'state+rank') ?? '';
  const samples: number[] = [];
  let rows = 0;
  for (let r = 0; r < input.repeats; r++) {
    const t0 = performance.now();
    const counts = await Promise.all(
      input.states.map(
        (state) =>
          new Promise<number>((resolve, reject) => {
            const index = db.transaction('queue', 'readonly').objectStore('queue').index(indexName);
            const req = index.count(IDBKeyRange.bound([state, -Infinity], [state, Infinity]));
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          }),
      ),
    );
    samples.push(performance.now() - t0);
    rows = counts.reduce((a, b) => a + b, 0);
  }
  db.close();
  return { samples, rows };
}

/** Runs in the page: every queue row, `repeats` times. */
async function getAllInPage(input: { dbName: string; repeats: number; budgetMs: number }): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(input.dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const samples: number[] = [];
  let rows = 0;
  const started = performance.now();
  // Repeats stop early once the budget is spent: on a loaded machine one full read can take seconds.
  for (let r = 0; r < input.repeats && (r === 0 || performance.now() - started < input.budgetMs); r++) {
    const t0 = performance.now();
    rows = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('queue', 'readonly').objectStore('queue').getAll();
      req.onsuccess = () => resolve(req.result.length);
      req.onerror = () => reject(req.error);
    });
    samples.push(performance.now() - t0);
  }
  db.close();
  return { samples, rows };
}

async function brandIds(page: Page): Promise<string[]> {
  return BrandIdsSchema.parse(
    await page.evaluate(
      (dbName) =>
        new Promise<unknown>((resolve, reject) => {
          const req = indexedDB.open(dbName);
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const all = db.transaction('brands', 'readonly').objectStore('brands').getAllKeys();
            all.onsuccess = () => {
              db.close();
              resolve(all.result.map(String));
            };
            all.onerror = () => reject(all.error);
          };
        }),
      DB_NAME,
    ),
  );
}

/** Deterministic inputs for item i: a spread of priorities and ages, 70 % new. */
function seedInput(items: number, brandId: string): SeedInput {
  const now = Date.UTC(2026, 10, 23, 12);
  const priorities: number[] = [];
  const createdAts: number[] = [];
  const ranks: number[] = [];
  const states: QueueState[] = [];
  for (let i = 0; i < items; i++) {
    const priority = (i * 37) % 101;
    const createdAt = now - ((i * 7919) % (90 * 24 * 60)) * 60_000;
    priorities.push(priority);
    createdAts.push(createdAt);
    ranks.push(queueRank(priority, createdAt));
    states.push(i % 10 < 7 ? 'new' : (OTHER_STATES[i % OTHER_STATES.length] ?? 'new'));
  }
  // Templates carry every default the schemas fill in; the varying fields are set per item.
  const queueTemplate = QueueItemSchema.parse({
    key: 'x:1',
    site: 'x',
    brandId,
    state: 'new',
    priority: 0,
    rank: 0,
    reasons: [
      { code: 'complaint', points: 30, detail: "'still has not arrived'" },
      { code: 'question', points: 10, detail: '?' },
    ],
    reasonCodes: ['complaint', 'question'],
    matchedTerms: ['acme'],
    complaint: true,
    question: true,
    postCreatedAt: now,
    queuedAt: now,
    firstSeenAt: now,
    updatedAt: now,
  });
  const postTemplate = PostSchema.parse({
    key: 'x:1',
    site: 'x',
    postId: '1',
    url: 'https://x.com/customer_0/status/1',
    text: '',
    seenAt: now,
    counts: { replies: 1, reposts: 0, likes: 2 },
  });
  return { dbName: DB_NAME, chunk: CHUNK, queueTemplate, postTemplate, states, priorities, createdAts, ranks };
}

export async function benchQueue(options: QueueBenchOptions = {}): Promise<QueueBenchResult> {
  const items = options.items ?? 100_000;
  const log = options.log ?? (() => undefined);
  const pageSize = options.pageSize ?? PAGE_SIZE;

  return withExtension(options.limitMs ?? 420_000, async (s) => {
    const panel = await s.context.newPage();
    const panelUrl = `chrome-extension://${s.extensionId}/sidepanel.html`;
    await panel.goto(panelUrl);
    // Through the real UI: the panel shows the queue only once a brand exists.
    await createBrand(panel, { name: 'Acme', handles: 'acme', names: 'Acme' });
    await shimEsbuildNames(panel);
    const [brandId] = await brandIds(panel);
    if (!brandId) throw new Error('the brand was not saved');

    const input = seedInput(items, brandId);
    const seeded = SeedResultSchema.parse(await panel.evaluate(seedInPage, input));
    for (const sample of seeded.samples) {
      QueueItemSchema.parse(sample.queue);
      PostSchema.parse(sample.post);
    }
    log(`  seeded ${items} queue items + posts in ${round(seeded.seedMs / 1000, 2)} s`);

    const page = TimingSchema.parse(
      await panel.evaluate(firstPageInPage, { dbName: DB_NAME, state: 'new', limit: pageSize, repeats: options.pageRepeats ?? 20, warmup: 3 }),
    );
    if (page.rows !== pageSize) throw new Error(`first page returned ${page.rows} rows`);
    const counted = TimingSchema.parse(
      await panel.evaluate(countsInPage, { dbName: DB_NAME, states: [...QueueStateSchema.options], repeats: 3 }),
    );
    if (counted.rows !== items) throw new Error(`state counts add up to ${counted.rows}, expected ${items}`);
    const all = TimingSchema.parse(await panel.evaluate(getAllInPage, { dbName: DB_NAME, repeats: options.fullReadRepeats ?? 3, budgetMs: 10_000 }));
    if (all.rows !== items) throw new Error(`getAll returned ${all.rows} rows, expected ${items}`);
    const firstPageMs = median(page.samples);
    const getAllMs = median(all.samples);
    log(`  first ${pageSize} rows ${round(firstPageMs, 2)} ms (median of ${page.samples.length}; cold ${page.cold.map((x) => round(x)).join(', ')} ms); six state counts ${round(median(counted.samples))} ms; getAll ${round(getAllMs)} ms`);

    // A cold panel: reload and wait for the first virtualised row.
    const panelSamples: number[] = [];
    for (let r = 0; r < (options.panelReloads ?? 3); r++) {
      const t0 = Date.now();
      await panel.reload({ waitUntil: 'commit' });
      await panel.locator('[data-queue-key]').first().waitFor({ state: 'visible', timeout: 30_000 });
      panelSamples.push(Date.now() - t0);
    }
    log(`  panel reload → first row: ${panelSamples.join(', ')} ms`);

    return {
      items,
      newItems: input.states.filter((st) => st === 'new').length,
      seedMs: round(seeded.seedMs),
      firstPageMs: round(firstPageMs, 2),
      firstPageSamplesMs: page.samples.map((x) => round(x, 2)),
      firstPageColdMs: page.cold.map((x) => round(x, 1)),
      countsMs: round(median(counted.samples)),
      getAllMs: round(getAllMs),
      getAllSamplesMs: all.samples.map((x) => round(x)),
      ratio: round(getAllMs / firstPageMs, 0),
      panelFirstRowMs: median(panelSamples),
      panelFirstRowSamplesMs: panelSamples,
    };
  });
}
