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
import { recorder } from '../support/recorder';

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

  it('publishes every state, then follows writes to the queue, per brand', async () => {
    const db = freshDb();
    await db.queue.bulkPut([item(1, 'new'), item(2, 'new'), item(3, 'filtered'), item(4, 'new', 'other')]);
    const all = recorder<StateCounts>();
    const acme = recorder<StateCounts>();
    const stops = [watchQueueCounts(db, undefined, all.push), watchQueueCounts(db, 'acme', acme.push)];
    expect(await all.until(() => true)).toMatchObject({ new: 3, filtered: 1, snoozed: 0, dismissed: 0 });
    expect(await acme.until(() => true)).toMatchObject({ new: 2, filtered: 1 });

    await setQueueState(db, { key: 'x:3', state: 'new' });
    await all.until((c) => c.new === 4 && c.filtered === 0);
    await acme.until((c) => c.new === 3 && c.filtered === 0);

    await db.queue.put(item(5, 'new', 'other'));
    await all.until((c) => c.new === 5);
    // A watcher left running is the witness: once it has seen the next write, a stopped one would have too.
    const witness = recorder<StateCounts>();
    const stopWitness = watchQueueCounts(db, undefined, witness.push);
    await witness.count(1);
    for (const stop of stops) stop();

    // Stopped: later writes publish nothing.
    const before = all.seen.length;
    await db.queue.put(item(6, 'new'));
    await witness.until((c) => c.new === 6);
    expect(all.seen).toHaveLength(before);
    stopWitness();
  });

  it('writes to other tables do not recount', async () => {
    const db = freshDb();
    await db.queue.put(item(1, 'new'));
    const seen = recorder<StateCounts>();
    const stop = watchQueueCounts(db, undefined, seen.push);
    await seen.count(1);
    await db.brands.put(brand());
    // Changes are seen in commit order: once the queue write is published, the brand write was passed over.
    await db.queue.put(item(2, 'new'));
    await seen.until((c) => c.new === 2);
    expect(seen.seen.map((c) => c.new)).toEqual([1, 2]);
    stop();
  });
});
