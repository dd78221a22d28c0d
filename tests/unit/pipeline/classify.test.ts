import { describe, expect, it } from 'vitest';
import { classifyPost } from '@/lib/pipeline/classify';
import { ingestPosts } from '@/lib/db/ingest';
import { setQueueState } from '@/lib/db/queue';
import { CustomerSchema } from '@/lib/schemas/customers';
import { brand, freshDb, post } from '../support/db';

const NOW = Date.UTC(2026, 10, 23, 12);

async function seeded() {
  const db = freshDb();
  await db.brands.put(brand({ exclusions: ['acme of perfection'] }));
  await db.customers.put(
    CustomerSchema.parse({ id: 'c1', name: 'Jane Doe', nameKey: 'jane doe', xHandle: 'jane_doe', orderCount: 3, totalSpent: 420, createdAt: 0, updatedAt: 0 }),
  );
  return db;
}

describe('classifyPost', () => {
  it.each([
    ['a plain mention', 'Has anyone tried @acme boots?', true, false],
    ['an excluded phrase only', 'That was the acme of perfection', false, false],
    ['a post with no brand', 'Lovely weather', false, false],
  ])('%s → matched=%s', async (_label, text, matched, own) => {
    const db = await seeded();
    const c = await classifyPost(post('1', text), db, NOW);
    expect([c.matched, c.own]).toEqual([matched, own]);
  });

  it.each<[string, Partial<Parameters<typeof post>[2]>, string[] | undefined]>([
    ['a reply to the brand (X leaves the handle out of the text)', { isReply: true, replyToHandles: ['someone_else', 'ACMEHELP'] }, ['@AcmeHelp']],
    ['a reply under the brand\'s conversation', { isReply: true, parentPostId: '7', threadOwner: 'acme' }, ['@acme']],
    ['a Facebook comment under the brand page\'s post', { kind: 'comment', threadOwner: 'AcmeHelp' }, ['@AcmeHelp']],
    ['a quote of the brand\'s post', { quotedAuthorHandle: 'acme', quotedText: 'New boots are out' }, ['@acme']],
    ['a reply to someone else', { isReply: true, replyToHandles: ['bob'], threadOwner: 'carol' }, undefined],
    ['a quote of someone else', { quotedAuthorHandle: 'acme_fan' }, undefined],
  ])('%s', async (_label, overrides, terms) => {
    const db = await seeded();
    const c = await classifyPost(post('1', 'where is my refund?', overrides), db, NOW);
    if (terms === undefined) {
      expect(c).toMatchObject({ matched: false, own: false });
      return;
    }
    expect(c).toMatchObject({ matched: true, own: false, brandId: 'acme', terms });
    expect(c.triage?.priority).toBeGreaterThan(0);
  });

  it('leaves replies and comments that do not name the brand alone when the brand switches that off', async () => {
    const db = freshDb();
    await db.brands.put(brand({ threadMentions: false }));
    const reply = await classifyPost(post('1', 'where is my refund?', { replyToHandles: ['acme'], threadOwner: 'acme', quotedAuthorHandle: 'acme' }), db, NOW);
    expect(reply.matched).toBe(false);
    const named = await classifyPost(post('2', 'Acme, where is my refund?', { replyToHandles: ['acme'] }), db, NOW);
    expect(named).toMatchObject({ matched: true, terms: ['Acme'] });
  });

  it('counts them for a brand saved before the setting existed (no field: the default, on)', async () => {
    const db = freshDb();
    const { threadMentions: _dropped, ...older } = brand();
    // Stored as an older version wrote it: straight into the table, past the typed API.
    await db.table('brands').put(older);
    const reply = await classifyPost(post('1', 'where is my refund?', { replyToHandles: ['acme'] }), db, NOW);
    expect(reply.matched).toBe(true);
  });

  it('names the brand the text names before the one a reply answers, and the brand\'s own reply stays its own', async () => {
    const db = await seeded();
    const named = await classifyPost(post('1', 'Acme lost it again', { replyToHandles: ['acmehelp'] }), db, NOW);
    expect(named.terms).toEqual(['Acme']);
    const own = await classifyPost(post('2', 'Sorry, DM us', { authorHandle: 'acmehelp', threadOwner: 'acme' }), db, NOW);
    expect(own).toMatchObject({ matched: true, own: true });
  });

  it('recognises the brand\'s own handle as a reply, not a mention', async () => {
    const db = await seeded();
    const c = await classifyPost(post('1', '@jane_doe sorry, DM us', { authorHandle: 'AcmeHelp' }), db, NOW);
    expect(c).toMatchObject({ matched: true, own: true, brandId: 'acme' });
    expect(c.triage).toBeUndefined();
  });

  it('ranks an angry known customer above a stranger\'s neutral mention and says why', async () => {
    const db = await seeded();
    const angry = await classifyPost(post('1', '@acme my order still hasn\'t arrived, worst service ever #refund', { authorHandle: 'jane_doe', authorName: 'Jane Doe' }), db, NOW);
    const neutral = await classifyPost(post('2', 'Saw an @acme store today'), db, NOW);
    expect(angry.triage?.priority).toBeGreaterThan(neutral.triage?.priority ?? 100);
    expect(angry.triage?.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['customer', 'complaint']));
    expect(angry.triage?.customerMatch).toMatchObject({ customerId: 'c1', by: 'handle' });
  });

  it('sends noise to the filtered list, and a restored item stays restored', async () => {
    const db = await seeded();
    const spam = post('9', 'RT to WIN a free phone!! Follow back @acme @nike @adidas @puma @rei #giveaway');
    const [first] = await ingestPosts(db, [spam], (p, d) => classifyPost(p, d, NOW), NOW);
    // The page's badge must not say "In queue" for it.
    expect(first).toMatchObject({ key: 'x:9', filtered: true });
    const filtered = await db.queue.get('x:9');
    expect(filtered?.state).toBe('filtered');
    expect(filtered?.filteredBy?.rule).toBeTruthy();

    await setQueueState(db, { key: 'x:9', state: 'new' }, NOW);
    const [again] = await ingestPosts(db, [spam], (p, d) => classifyPost(p, d, NOW), NOW + 1000);
    expect(again).toMatchObject({ key: 'x:9', queued: true, filtered: false });
    const restored = await db.queue.get('x:9');
    expect(restored).toMatchObject({ state: 'new', restored: true });
    expect(restored?.filteredBy).toBeUndefined();
  });
});
