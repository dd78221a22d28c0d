/** Ingest files each post on its own and is idempotent for a batch the page sends again. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ingestPosts, type Classify } from '@/lib/db/ingest';
import { classifyPost } from '@/lib/pipeline/classify';
import type { Post } from '@/lib/schemas/posts';
import { brand, freshDb, post } from '../support/db';

const NOW = Date.UTC(2026, 10, 23, 12);

/** Every post mentions the brand; text "boom" makes classification throw, "nan" a NaN priority. */
const fixed: Classify = async (p) => {
  if (p.text.includes('boom')) throw new Error('classifier failed');
  return {
    matched: true,
    own: false,
    brandId: 'acme',
    terms: ['@acme'],
    autoQueue: true,
    triage: { priority: p.text.includes('nan') ? Number.NaN : 40, reasons: [], complaint: false, question: false, praise: false },
  };
};

type Bad = (i: number) => unknown;
const BAD: Array<[string, Bad, boolean]> = [
  // [how it is bad, the bad post, whether its key is readable (so the page gets a verdict)]
  ['a script url', (i) => ({ ...post(String(i), '@acme'), url: 'javascript:alert(1)' }), true],
  ['no key', (i) => ({ ...post(String(i), '@acme'), key: undefined }), false],
  ['not an object', () => 'constructor', false],
  ['a classifier that throws', (i) => post(String(i), '@acme boom'), true],
  ['a NaN priority', (i) => post(String(i), '@acme nan'), true],
];

describe('ingestPosts: one bad post', () => {
  it.each(BAD)('with %s is reported and the rest of its batch is stored', async (_label, bad, keyed) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = freshDb();
    const good = [post('1', '@acme a'), post('2', '@acme b')];
    const verdicts = await ingestPosts(db, [good[0], bad(9), good[1]], fixed, NOW);
    expect((await db.queue.toCollection().primaryKeys()).sort()).toEqual(['x:1', 'x:2']);
    expect(verdicts.filter((v) => v.queued).map((v) => v.key).sort()).toEqual(['x:1', 'x:2']);
    expect(verdicts.filter((v) => v.rejected !== undefined).map((v) => v.key)).toEqual(keyed ? ['x:9'] : []);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('never takes the others with it (property: any batch, any bad post anywhere)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 20 }), fc.nat(), fc.integer({ min: 0, max: BAD.length - 1 }), async (n, at, which) => {
        const db = freshDb();
        const good = Array.from({ length: n }, (_, i) => post(String(i + 1), `@acme ${i}`));
        const batch: unknown[] = [...good];
        batch.splice(at % (n + 1), 0, BAD[which]![1](999));
        await ingestPosts(db, batch, fixed, NOW);
        expect(await db.queue.count()).toBe(n);
        expect(await db.posts.count()).toBe(n + (which >= 3 ? 1 : 0));
        db.close();
      }),
      { numRuns: 40 },
    );
    warn.mockRestore();
  });
});

describe('ingestPosts: a batch sent again', () => {
  async function snapshot(db: ReturnType<typeof freshDb>) {
    return {
      posts: await db.posts.toArray(),
      queue: await db.queue.toArray(),
      mentions: await db.mentions.toArray(),
      rollups: await db.rollups.toArray(),
      aliases: await db.postAliases.toArray(),
    };
  }

  it('changes nothing but the update time (the page retries until the background answers)', async () => {
    const db = freshDb();
    await db.brands.put(brand());
    const batch: Post[] = [post('1', '@acme my order is late'), post('2', '@acme thanks!'), post('3', 'no brand here')];
    const classify: Classify = (p, d) => classifyPost(p, d, NOW);
    const first = await ingestPosts(db, batch, classify, NOW);
    const before = await snapshot(db);
    const again = await ingestPosts(db, batch, classify, NOW);
    expect(again).toEqual(first);
    expect(await snapshot(db)).toEqual(before);
    expect(before.queue).toHaveLength(2);
    expect(before.mentions).toHaveLength(2);
  });
});
