/**
 * Chromium may delete a non-persistent origin's whole IndexedDB when the disk runs full, and the
 * next start simply finds an empty database. storage.local survives that (it is not IndexedDB), so
 * the background keeps a small marker there of how much data existed; an empty database under a
 * marker that counted brands means the browser removed it, and the panel says so.
 */
import Dexie, { liveQuery } from 'dexie';
import { z } from 'zod';
import type { ReplylineDb } from './db';

export const DATA_MARKER_KEY = 'replylineDataMarker';
export const EVICTED_KEY = 'replylineEvictedNotice';
/** Queue and reply counts drift between brand saves; refreshing them this often is enough. */
export const MARKER_EVERY_MS = 5 * 60_000;

const count = z.number().int().nonnegative();
export const DataMarkerSchema = z.object({ brands: count, queue: count, replies: count, team: z.boolean(), at: z.number() });
export type DataMarker = z.infer<typeof DataMarkerSchema>;

export const EvictedNoticeSchema = z.object({
  /** What the marker last counted, and when. */
  lost: DataMarkerSchema,
  detectedAt: z.number(),
});
export type EvictedNotice = z.infer<typeof EvictedNoticeSchema>;

/** The part of `browser.storage.local` used here (tests pass a fake). */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function parseMarker(stored: unknown): DataMarker | undefined {
  const parsed = DataMarkerSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export function parseEvictedNotice(stored: unknown): EvictedNotice | undefined {
  const parsed = EvictedNoticeSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** Counts by primary key only: cheap even with 100k rows. */
export async function countData(db: ReplylineDb, at: number): Promise<DataMarker> {
  const [brands, queue, replies, team] = await Promise.all([db.brands.count(), db.queue.count(), db.replyLog.count(), db.teamMembership.count()]);
  return { brands, queue, replies, team: team > 0, at };
}

export async function recordDataMarker(db: ReplylineDb, area: StorageAreaLike, now: number): Promise<DataMarker> {
  const marker = await countData(db, now);
  await area.set({ [DATA_MARKER_KEY]: marker });
  return marker;
}

/**
 * Run once the database is open, before anything else records the marker: an empty database where
 * the marker counted brands records an eviction notice. Then the marker is brought up to date, so
 * the notice is recorded once.
 */
export async function checkForEviction(db: ReplylineDb, area: StorageAreaLike, now: number): Promise<EvictedNotice | undefined> {
  return (await checkAndRecord(db, area, now)).notice;
}

async function checkAndRecord(db: ReplylineDb, area: StorageAreaLike, now: number): Promise<{ notice?: EvictedNotice; marker: DataMarker }> {
  const before = parseMarker((await area.get(DATA_MARKER_KEY))[DATA_MARKER_KEY]);
  const marker = await recordDataMarker(db, area, now);
  if (!before || before.brands === 0 || marker.brands > 0) return { marker };
  const notice: EvictedNotice = { lost: before, detectedAt: now };
  await area.set({ [EVICTED_KEY]: notice });
  return { notice, marker };
}

export interface MarkerWatchOptions {
  area: StorageAreaLike;
  signal: AbortSignal;
  now?: () => number;
}

/**
 * Checks for an eviction, then keeps the marker current: at once when the brand count changes, and
 * after other writes at most every MARKER_EVERY_MS. Never throws (a full disk must not stop the
 * background); failures are logged.
 */
export async function watchDataMarker(db: ReplylineDb, { area, signal, now = Date.now }: MarkerWatchOptions): Promise<void> {
  const warn = (error: unknown) => console.warn('Replyline: keeping the data marker failed', error);
  /** The brand count last recorded; a different one is recorded at once. */
  let recordedBrands: number | undefined;
  try {
    recordedBrands = (await checkAndRecord(db, area, now())).marker.brands;
  } catch (error) {
    warn(error);
  }
  if (signal.aborted) return;
  let lastAt = now();
  const record = () => {
    lastAt = now();
    recordDataMarker(db, area, lastAt)
      .then((marker) => {
        recordedBrands = marker.brands;
      })
      .catch(warn);
  };
  const brands = liveQuery(() => db.brands.count()).subscribe({
    next: (n) => {
      if (n !== recordedBrands) record();
    },
    error: warn,
  });
  const onMutated = () => {
    if (now() - lastAt >= MARKER_EVERY_MS) record();
  };
  Dexie.on('storagemutated', onMutated);
  signal.addEventListener(
    'abort',
    () => {
      brands.unsubscribe();
      Dexie.on.storagemutated.unsubscribe(onMutated);
    },
    { once: true },
  );
}
