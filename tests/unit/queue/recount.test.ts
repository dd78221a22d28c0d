/**
 * The chips' recounter: one count at a time, writes during a count cause exactly one more, slow
 * counts rest before the next; and, over a real (fake-indexeddb) table, counts follow queue writes.
 */
import { describe, expect, it } from 'vitest';
import { pauseAfter, startRecounter, type SetTimer } from '@/lib/db/recount';
import { watchQueueCounts, type StateCounts } from '@/lib/db/views/queueCounts';
import { setQueueState } from '@/lib/db/queue';
import { queueRank } from '@/lib/db/queueOrder';
import { QueueItemSchema } from '@/lib/schemas/queue';
import { brand, freshDb } from '../support/db';

/** A count the test resolves by hand, a clock it moves, and timers it fires. */
function harness(durations: number[] = [], firstDelayMs = 0) {
  let clock = 0;
  const pending: { resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
  const timers: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const published: number[] = [];
  const errors: unknown[] = [];
  let started = 0;
  const setTimer: SetTimer = (run, ms) => {
    const timer = { ms, run, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  const recounter = startRecounter({
    count: () => {
      started += 1;
      return new Promise<number>((resolve, reject) => pending.push({ resolve, reject }));
    },
    publish: (n) => published.push(n),
    onError: (e) => errors.push(e),
    now: () => clock,
    setTimer,
    firstDelayMs,
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    recounter,
    published,
    errors,
    timers,
    started: () => started,
    inFlight: () => pending.length,
    /** Ends the oldest count after `ms` with `value` (or an error). */
    async finish(value: number | Error, ms = durations.shift() ?? 1) {
      clock += ms;
      const next = pending.shift();
      if (!next) throw new Error('no count in flight');
      if (value instanceof Error) next.reject(value);
      else next.resolve(value);
      await settle();
    },
    async fire() {
      const timer = timers.find((t) => !t.cancelled);
      if (!timer) throw new Error('no timer');
      timer.cancelled = true;
      timer.run();
      await settle();
    },
  };
}

describe('pauseAfter', () => {
  it.each([
    [0, 0],
    [12, 0],
    [49, 0],
    [50, 100],
    [1_250, 2_500],
  ])('after a %i ms count → pause %i ms', (last, pause) => {
    expect(pauseAfter(last)).toBe(pause);
  });
});

describe('startRecounter', () => {
  it('counts at once and publishes the result', async () => {
    const h = harness();
    expect(h.started()).toBe(1);
    await h.finish(7);
    expect(h.published).toEqual([7]);
  });

  it('with a first delay, waits for it; writes meanwhile join that first count', async () => {
    const h = harness([], 500);
    expect(h.started()).toBe(0);
    expect(h.timers.map((t) => t.ms)).toEqual([500]);
    h.recounter.invalidate();
    expect(h.started()).toBe(0);
    await h.fire();
    expect(h.started()).toBe(1);
    await h.finish(3);
    expect(h.published).toEqual([3]);
    expect(h.started()).toBe(1);
  });

  it('stopped during the first delay: never counts', () => {
    const h = harness([], 500);
    h.recounter.stop();
    expect(h.timers[0]?.cancelled).toBe(true);
    expect(h.started()).toBe(0);
  });

  it('writes during a count cause one more count after it, never two at once', async () => {
    const h = harness();
    h.recounter.invalidate();
    h.recounter.invalidate();
    h.recounter.invalidate();
    expect(h.inFlight()).toBe(1);
    await h.finish(1);
    // A fast count: the next one starts at once, without a timer.
    expect(h.started()).toBe(2);
    expect(h.timers).toHaveLength(0);
    await h.finish(2);
    expect(h.published).toEqual([1, 2]);
    expect(h.started()).toBe(2);
  });

  it('after a slow count the next waits twice as long, and writes meanwhile join it', async () => {
    const h = harness([1_000]);
    await h.finish(100);
    h.recounter.invalidate();
    expect(h.started()).toBe(1);
    expect(h.timers.map((t) => t.ms)).toEqual([2_000]);
    h.recounter.invalidate();
    expect(h.timers).toHaveLength(1);
    await h.fire();
    expect(h.started()).toBe(2);
    await h.finish(101, 10);
    // Fast again: the next write counts at once.
    h.recounter.invalidate();
    expect(h.started()).toBe(3);
    expect(h.published).toEqual([100, 101]);
  });

  it('a failed count keeps the last result, reports, and the next write counts again', async () => {
    const h = harness();
    await h.finish(5);
    h.recounter.invalidate();
    await h.finish(new Error('closed'));
    expect(h.published).toEqual([5]);
    expect(h.errors).toHaveLength(1);
    h.recounter.invalidate();
    await h.finish(6);
    expect(h.published).toEqual([5, 6]);
  });

  it('stopped: no result is published and no count or timer follows', async () => {
    const h = harness([1_000]);
    await h.finish(1);
    h.recounter.invalidate();
    h.recounter.stop();
    expect(h.timers.every((t) => t.cancelled)).toBe(true);
    h.recounter.invalidate();
    expect(h.started()).toBe(1);

    const g = harness();
    g.recounter.invalidate();
    g.recounter.stop();
    await g.finish(9);
    expect(g.published).toEqual([]);
    expect(g.started()).toBe(1);
  });
});

describe('watchQueueCounts', { timeout: 30_000 }, () => {
  const item = (id: number, state: 'new' | 'filtered', brandId = 'acme') =>
    QueueItemSchema.parse({
      key: `x:${id}`,
      site: 'x',
      brandId,
      state,
      priority: 50,
      rank: queueRank(50, 1_000 + id),
      reasons: [],
      reasonCodes: [],
      postCreatedAt: 1_000 + id,
      queuedAt: 1_000 + id,
      firstSeenAt: 1_000 + id,
      updatedAt: 1_000 + id,
    });

  /** Resolves with the first published counts that satisfy `ok`. */
  function until(seen: StateCounts[], ok: (c: StateCounts) => boolean): Promise<StateCounts> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        const hit = seen.find(ok);
        if (hit) resolve(hit);
        else if (Date.now() - started > 5_000) reject(new Error(`never published; saw ${JSON.stringify(seen)}`));
        else setTimeout(poll, 5);
      };
      poll();
    });
  }

  it('publishes every state, then follows writes to the queue, per brand', async () => {
    const db = freshDb();
    await db.queue.bulkPut([item(1, 'new'), item(2, 'new'), item(3, 'filtered'), item(4, 'new', 'other')]);
    const all: StateCounts[] = [];
    const acme: StateCounts[] = [];
    const stops = [watchQueueCounts(db, undefined, (c) => all.push(c)), watchQueueCounts(db, 'acme', (c) => acme.push(c))];
    expect(await until(all, () => true)).toMatchObject({ new: 3, filtered: 1, snoozed: 0, dismissed: 0 });
    expect(await until(acme, () => true)).toMatchObject({ new: 2, filtered: 1 });

    await setQueueState(db, { key: 'x:3', state: 'new' });
    await until(all, (c) => c.new === 4 && c.filtered === 0);
    await until(acme, (c) => c.new === 3 && c.filtered === 0);

    await db.queue.put(item(5, 'new', 'other'));
    await until(all, (c) => c.new === 5);
    for (const stop of stops) stop();

    // Stopped: later writes publish nothing.
    const before = all.length;
    await db.queue.put(item(6, 'new'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(all).toHaveLength(before);
  });

  it('writes to other tables do not recount', async () => {
    const db = freshDb();
    await db.queue.put(item(1, 'new'));
    const seen: StateCounts[] = [];
    const stop = watchQueueCounts(db, undefined, (c) => seen.push(c));
    await until(seen, () => true);
    await db.brands.put(brand());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(1);
    stop();
  });
});
