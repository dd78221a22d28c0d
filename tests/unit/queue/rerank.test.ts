/** Brand triage settings reach scoring: disabled noise rules, weights, and "Re-rank queue". */
import { describe, expect, it } from 'vitest';
import { classifyPost } from '@/lib/pipeline/classify';
import { ingestPosts } from '@/lib/db/ingest';
import { rerankQueue, setQueueState } from '@/lib/db/queue';
import { queueRank } from '@/lib/db/queueOrder';
import { brand, freshDb, post } from '../support/db';

const NOW = Date.UTC(2026, 10, 23, 12);
const classify = (p: Parameters<typeof classifyPost>[0], db: Parameters<typeof classifyPost>[1]) => classifyPost(p, db, NOW);

const POSTS = [
  post('1', 'RT to win a free @acme tent! #giveaway'),
  post('2', '@acme where is my order? It still has not arrived'),
  post('3', 'Giveaway time: follow @acme and retweet to win'),
  post('4', '@acme thanks, great service!'),
];

let stamp = 100;
async function seeded(disabled: string[] = []) {
  const db = freshDb();
  // classifyPost caches compiled brands by id@updatedAt: every test's brand needs its own stamp.
  stamp += 1;
  await db.brands.put(brand({ disabledNoiseRules: disabled, updatedAt: stamp }));
  await ingestPosts(db, POSTS, classify, NOW);
  return db;
}

describe('brand triage settings', () => {
  it.each([
    [[], 'filtered', 'spam.giveaway'],
    [['giveaway'], 'new', undefined],
  ])('disabled rules %j → giveaway post is %s', async (disabled, state, code) => {
    const db = await seeded(disabled);
    const item = await db.queue.get('x:1');
    expect(item?.state).toBe(state);
    expect(item?.reasonCodes.find((c) => c.startsWith('spam.'))).toBe(code);
  });

  it('re-rank applies saved settings to open items, keeps final and restored ones', async () => {
    const db = await seeded();
    await setQueueState(db, { key: 'x:3', state: 'new' }); // the agent restored it: sticks
    await setQueueState(db, { key: 'x:4', state: 'replied' });
    const repliedBefore = await db.queue.get('x:4');
    const questionBefore = await db.queue.get('x:2');

    // Switch the giveaway rule off (x:1 returns to New) and make questions count double.
    const current = await db.brands.get('acme');
    if (!current) throw new Error('brand missing');
    await db.brands.put({ ...current, disabledNoiseRules: ['giveaway'], weights: { ...current.weights, question: 30 }, updatedAt: (stamp += 1) });
    const rescored = await rerankQueue(db, 'acme', classify, NOW, 2);

    expect(rescored).toBe(3);
    const [giveaway, question, restored, replied] = await db.queue.bulkGet(['x:1', 'x:2', 'x:3', 'x:4']);
    expect(giveaway).toMatchObject({ state: 'new', filteredBy: undefined });
    expect(question?.priority).toBeGreaterThan(questionBefore?.priority ?? 100);
    expect(question?.rank).toBe(queueRank(question?.priority ?? 0, question?.postCreatedAt ?? 0));
    expect(restored).toMatchObject({ state: 'new', restored: true, filteredBy: undefined });
    expect(replied).toEqual(repliedBefore);

    // And back on: a New item the rule now catches returns to Filtered; the restored one does not.
    await db.brands.put({ ...current, disabledNoiseRules: [], updatedAt: (stamp += 1) });
    await rerankQueue(db, 'acme', classify, NOW);
    expect((await db.queue.get('x:1'))?.state).toBe('filtered');
    expect((await db.queue.get('x:3'))?.state).toBe('new');
  });
});
