import { describe, expect, it, vi } from 'vitest';
import { ingestPosts, type Classify } from '@/lib/db/ingest';
import { queuePage, setQueueState, wakeSnoozed, queueCount } from '@/lib/db/queue';
import { queueRank } from '@/lib/db/queueOrder';
import { saveBrand, saveSettings, getSettings, deleteBrand } from '@/lib/db/brands';
import { brand, freshDb, post } from '../support/db';

/** A classifier with fixed answers so these tests exercise the write path alone. */
const byText: Classify = async (p) => {
  const matched = p.text.includes('@acme');
  const priority = Number(/p=(\d+)/.exec(p.text)?.[1] ?? 50);
  return {
    matched,
    own: p.authorHandle === 'acme',
    brandId: matched ? 'acme' : undefined,
    terms: matched ? ['@acme'] : [],
    autoQueue: true,
    triage: { priority, reasons: [{ code: 'complaint', points: priority, detail: '' }], complaint: true, question: false, praise: false },
  };
};

describe('queueRank', () => {
  it.each([
    [[90, 1000], [10, 1000], 'higher priority first'],
    [[50, 1000], [50, 2000], 'older first within a priority'],
    [[51, 9e12], [50, 0], 'priority beats age'],
  ])('%o ranks above %o (%s)', (a, b) => {
    expect(queueRank(a[0]!, a[1]!)).toBeGreaterThan(queueRank(b[0]!, b[1]!));
  });
});

describe('ingestPosts', () => {
  it('queues mentions once, keeps first-seen time, ignores non-mentions and own posts', async () => {
    const db = freshDb();
    const v1 = await ingestPosts(db, [post('1', '@acme help p=80'), post('2', 'nothing'), post('3', '@acme thanks', { authorHandle: 'acme' })], byText, 1000);
    expect(v1.map((v) => [v.key, v.queued, v.own])).toEqual([
      ['x:1', true, false],
      ['x:2', false, false],
      ['x:3', false, true],
    ]);
    await ingestPosts(db, [post('1', '@acme help p=80', { seenAt: 99999 })], byText, 2000);
    expect(await db.queue.count()).toBe(1);
    expect(await db.posts.count()).toBe(3);
    expect((await db.posts.get('x:1'))?.seenAt).toBe(Date.UTC(2026, 10, 23, 10));
    expect((await db.queue.get('x:1'))?.queuedAt).toBe(1000);
  });

  it('keeps the agent\'s state when a post is seen again', async () => {
    const db = freshDb();
    await ingestPosts(db, [post('1', '@acme p=80')], byText, 1000);
    await setQueueState(db, { key: 'x:1', state: 'inProgress' }, 1500);
    await ingestPosts(db, [post('1', '@acme p=80')], byText, 2000);
    expect((await db.queue.get('x:1'))?.state).toBe('inProgress');
  });

  it('rejects a malformed post on its own and writes the rest of the batch', async () => {
    const db = freshDb();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const verdicts = await ingestPosts(db, [post('1', '@acme'), { ...post('2', '@acme'), url: 'not a url' }], byText);
    warn.mockRestore();
    expect(verdicts.map((v) => [v.key, v.queued, v.rejected !== undefined])).toEqual([['x:1', true, false], ['x:2', false, true]]);
    expect(await db.posts.count()).toBe(1);
    expect(await db.queue.count()).toBe(1);
  });
});

describe('queuePage', () => {
  it('pages by priority desc then oldest first, per state', async () => {
    const db = freshDb();
    await ingestPosts(
      db,
      [
        post('a', '@acme p=10', { createdAt: 1 }),
        post('b', '@acme p=90', { createdAt: 5 }),
        post('c', '@acme p=90', { createdAt: 2 }),
        post('d', '@acme p=50', { createdAt: 3 }),
      ],
      byText,
    );
    await setQueueState(db, { key: 'x:d', state: 'dismissed', dismissReason: 'dup' });
    expect((await queuePage(db, 'new')).map((i) => i.key)).toEqual(['x:c', 'x:b', 'x:a']);
    expect((await queuePage(db, 'new', 1, 1)).map((i) => i.key)).toEqual(['x:b']);
    expect(await queueCount(db, 'dismissed')).toBe(1);
    expect((await db.queue.get('x:d'))?.dismissReason).toBe('dup');
  });

  it('wakes snoozed items when due', async () => {
    const db = freshDb();
    await ingestPosts(db, [post('a', '@acme')], byText);
    await setQueueState(db, { key: 'x:a', state: 'snoozed', snoozedUntil: 5000 });
    expect(await wakeSnoozed(db, 4999)).toBe(0);
    expect(await wakeSnoozed(db, 5000)).toBe(1);
    expect((await db.queue.get('x:a'))?.state).toBe('new');
  });

  it('refuses a state change for an unknown item', async () => {
    await expect(setQueueState(freshDb(), { key: 'x:nope', state: 'dismissed' })).rejects.toThrow(/No queue item/);
  });
});

describe('brands and settings', () => {
  it('validates brands before writing', async () => {
    const db = freshDb();
    await expect(saveBrand(db, { ...brand(), name: '' })).rejects.toThrow();
    await saveBrand(db, brand());
    expect((await db.brands.get('acme'))?.handles).toEqual(['acme', 'AcmeHelp']);
  });

  it('deleting the active brand clears it from settings in the same transaction', async () => {
    const db = freshDb();
    await saveBrand(db, brand());
    await saveSettings(db, { activeBrandId: 'acme', agentName: 'Dana' });
    await deleteBrand(db, 'acme');
    const s = await getSettings(db);
    expect(s.activeBrandId).toBeUndefined();
    expect(s.agentName).toBe('Dana');
  });
});
