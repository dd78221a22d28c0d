/**
 * Chromium deleted the whole database with 1 MB free and nothing was said. The marker in
 * storage.local (which survives) tells an empty database that was evicted from one never filled.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDb, type ReplylineDb } from '@/lib/db/db';
import { saveBrand } from '@/lib/db/brands';
import {
  DATA_MARKER_KEY,
  EVICTED_KEY,
  MARKER_EVERY_MS,
  checkForEviction,
  parseEvictedNotice,
  parseMarker,
  watchDataMarker,
  type DataMarker,
  type StorageAreaLike,
} from '@/lib/db/eviction';
import { QueueItemSchema } from '@/lib/schemas/queue';
import { ReplyLogEntrySchema } from '@/lib/schemas/replies';
import { brand } from '../support/db';

/** storage.local as a Map; `nextSet` resolves on the next write (tests wait for it, not for time). */
function fakeArea() {
  const items = new Map<string, unknown>();
  let waiters: (() => void)[] = [];
  const area: StorageAreaLike = {
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (patch) => {
      for (const [k, v] of Object.entries(patch)) items.set(k, v);
      const done = waiters;
      waiters = [];
      done.forEach((w) => w());
    },
    remove: async (key) => {
      items.delete(key);
    },
  };
  const nextSet = () => new Promise<void>((resolve) => waiters.push(resolve));
  return { area, items, nextSet };
}

const T0 = Date.UTC(2026, 11, 6, 9);
const queueItem = (key: string) =>
  QueueItemSchema.parse({ key, site: 'x', brandId: 'acme', state: 'new', priority: 50, rank: 1, postCreatedAt: T0, queuedAt: T0, firstSeenAt: T0, updatedAt: T0 });
const reply = (id: string) =>
  ReplyLogEntrySchema.parse({
    id, postKey: 'x:1', site: 'x', brandId: 'acme', agent: 'Dana', text: 'Sorry!', reasonCodes: [],
    postCreatedAt: T0, firstSeenAt: T0, repliedAt: T0, frtWallMs: 0, frtBusinessMs: 0, slaMet: true,
  });

let n = 0;
const dbName = () => `replyline-evict-${++n}-${Math.random().toString(36).slice(2)}`;

async function filled(name: string): Promise<ReplylineDb> {
  const db = openDb(name);
  await saveBrand(db, brand());
  await db.queue.bulkPut([queueItem('x:1'), queueItem('x:2')]);
  await db.replyLog.put(reply('r1'));
  return db;
}

describe('an evicted database is noticed on the next open', () => {
  it('records what was lost when the database comes back empty, once', async () => {
    const { area, items } = fakeArea();
    const name = dbName();
    const before = await filled(name);
    expect(await checkForEviction(before, area, T0)).toBeUndefined();
    before.close();
    // What Chromium does with a full disk: the whole database is gone.
    await Dexie.delete(name);

    const after = openDb(name);
    const notice = await checkForEviction(after, area, T0 + 1000);
    const lost: DataMarker = { brands: 1, queue: 2, replies: 1, team: false, at: T0 };
    expect(notice).toEqual({ lost, detectedAt: T0 + 1000 });
    expect(parseEvictedNotice(items.get(EVICTED_KEY))).toEqual(notice);
    // The marker now counts the empty database: the next start records nothing more.
    expect(await checkForEviction(after, area, T0 + 2000)).toBeUndefined();
    after.close();
    await Dexie.delete(name);
  });

  it.each<[string, DataMarker | undefined, boolean]>([
    ['no marker (first start)', undefined, false],
    ['a marker with no brands (never set up)', { brands: 0, queue: 0, replies: 0, team: false, at: T0 }, false],
    ['a marker with brands', { brands: 2, queue: 9, replies: 3, team: true, at: T0 }, true],
  ])('empty database under %s → notice: %s', async (_label, marker, expected) => {
    const { area, items } = fakeArea();
    if (marker) items.set(DATA_MARKER_KEY, marker);
    const db = openDb(dbName());
    expect((await checkForEviction(db, area, T0)) !== undefined).toBe(expected);
    expect(items.has(EVICTED_KEY)).toBe(expected);
    db.close();
    await Dexie.delete(db.name);
  });

  it('a database that still has its brands is not evicted', async () => {
    const { area, items } = fakeArea();
    items.set(DATA_MARKER_KEY, { brands: 5, queue: 100, replies: 50, team: false, at: T0 });
    const db = await filled(dbName());
    expect(await checkForEviction(db, area, T0)).toBeUndefined();
    expect(parseMarker(items.get(DATA_MARKER_KEY))).toMatchObject({ brands: 1, queue: 2, replies: 1 });
    db.close();
    await Dexie.delete(db.name);
  });
});

describe('watchDataMarker keeps the marker current cheaply', () => {
  it('records on start and on a brand save at once; other writes at most every few minutes', async () => {
    const { area, items, nextSet } = fakeArea();
    const db = openDb(dbName());
    let clock = T0;
    const scope = new AbortController();
    await watchDataMarker(db, { area, signal: scope.signal, now: () => clock });
    expect(parseMarker(items.get(DATA_MARKER_KEY))).toMatchObject({ brands: 0, at: T0 });

    clock = T0 + 1000;
    let written = nextSet();
    await saveBrand(db, brand());
    await written;
    expect(parseMarker(items.get(DATA_MARKER_KEY))).toMatchObject({ brands: 1, queue: 0, at: T0 + 1000 });

    // A queue write soon after: not worth a recount.
    clock = T0 + 2000;
    await db.queue.put(queueItem('x:1'));
    await saveBrand(db, brand({ updatedAt: 2 })); // same count: no record either
    await db.transaction('r', db.brands, () => db.brands.count()); // let change events settle
    expect(parseMarker(items.get(DATA_MARKER_KEY))).toMatchObject({ queue: 0, at: T0 + 1000 });

    clock = T0 + 1000 + MARKER_EVERY_MS;
    written = nextSet();
    await db.queue.put(queueItem('x:2'));
    await written;
    expect(parseMarker(items.get(DATA_MARKER_KEY))).toMatchObject({ brands: 1, queue: 2, at: clock });

    scope.abort();
    db.close();
    await Dexie.delete(db.name);
  });
});
