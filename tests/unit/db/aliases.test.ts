import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db/db';
import { aliasesOf, resolvePostKey } from '@/lib/db/aliases';
import { ingestPosts, type Classify } from '@/lib/db/ingest';
import { saveBrand } from '@/lib/db/brands';
import type { Post } from '@/lib/schemas/posts';
import { brand, freshDb, post } from '../support/db';
import { V2_STORES } from '../support/schemaHistory';
import { contentId } from '@/lib/sites/facebook/contentKey';

const NOW = Date.UTC(2026, 10, 24, 9);

const mention: Classify = async () => ({
  matched: true,
  own: false,
  brandId: 'acme',
  terms: ['acme'],
  autoQueue: true,
  triage: { priority: 70, reasons: [], complaint: true, question: false, praise: false, sentiment: -0.6 },
});

/** The same Facebook post as two page loads show it: a new pfbid each time, the same content key. */
function fbPost(postId: string, sameAs: string[] | undefined, over: Partial<Post> = {}): Post {
  return post(postId, 'Acme, my cake never came', {
    key: `facebook:${postId}`,
    site: 'facebook',
    url: `https://www.facebook.com/AcmeBakery/posts/${postId}`,
    sameAs,
    ...over,
  });
}

describe('one post under several keys (Facebook pfbid)', () => {
  it('files a second page load under the first key, and answers under the key the page shows', async () => {
    const db = freshDb();
    await saveBrand(db, brand());
    const first = await ingestPosts(db, [fbPost('pfbid0AAA111', ['facebook:fbh-abc'])], mention, NOW);
    const second = await ingestPosts(db, [fbPost('pfbid0BBB222', ['facebook:fbh-abc'], { seenAt: NOW + 60_000 })], mention, NOW + 60_000);

    expect(first.map((v) => [v.key, v.queued])).toEqual([['facebook:pfbid0AAA111', true]]);
    expect(second.map((v) => [v.key, v.queued, v.priority])).toEqual([['facebook:pfbid0BBB222', true, 70]]);
    expect(await db.queue.toCollection().primaryKeys()).toEqual(['facebook:pfbid0AAA111']);
    expect(await db.posts.toCollection().primaryKeys()).toEqual(['facebook:pfbid0AAA111']);
    // The first sighting's time is kept (first-response time counts from there).
    expect((await db.posts.get('facebook:pfbid0AAA111'))?.seenAt).toBe(Date.UTC(2026, 10, 23, 10));
    expect(await resolvePostKey(db, 'facebook:pfbid0BBB222')).toBe('facebook:pfbid0AAA111');
    expect(await resolvePostKey(db, 'x:1')).toBe('x:1');
    // The background names the content key of what the page sent too.
    const content = `facebook:${contentId('someone', 'Acme, my cake never came')}`;
    expect((await aliasesOf(db, 'facebook:pfbid0AAA111')).sort()).toEqual(['facebook:fbh-abc', content, 'facebook:pfbid0BBB222'].sort());
  });

  it('files a second page load under the first by the content key the background works out, when the page names none', async () => {
    const db = freshDb();
    await saveBrand(db, brand());
    await ingestPosts(db, [fbPost('pfbid0AAA111', undefined)], mention, NOW);
    const second = await ingestPosts(db, [fbPost('pfbid0BBB222', undefined)], mention, NOW);
    expect(second[0]?.key).toBe('facebook:pfbid0BBB222');
    expect(await db.queue.toCollection().primaryKeys()).toEqual(['facebook:pfbid0AAA111']);
    // Another author's post with the same words is another post.
    await ingestPosts(db, [fbPost('pfbid0CCC333', undefined, { authorHandle: 'someone.else' })], mention, NOW);
    expect((await db.queue.toCollection().primaryKeys()).sort()).toEqual(['facebook:pfbid0AAA111', 'facebook:pfbid0CCC333']);
  });

  it('finds a post first filed under its content key (no permalink then)', async () => {
    const db = freshDb();
    await saveBrand(db, brand());
    await ingestPosts(db, [fbPost('fbh-abc', undefined)], mention, NOW);
    const later = await ingestPosts(db, [fbPost('pfbid0CCC333', ['facebook:fbh-abc'])], mention, NOW);
    expect(later[0]?.key).toBe('facebook:pfbid0CCC333');
    expect(await db.queue.toCollection().primaryKeys()).toEqual(['facebook:fbh-abc']);
  });

  it('keeps two posts apart when they share no key, and leaves X posts alone', async () => {
    const db = freshDb();
    await saveBrand(db, brand());
    const other = { text: 'Acme, where is my bread?' };
    await ingestPosts(db, [fbPost('pfbid0AAA111', ['facebook:fbh-abc']), fbPost('pfbid0DDD444', ['facebook:fbh-def'], other), post('9', 'acme help')], mention, NOW);
    expect((await db.queue.toCollection().primaryKeys()).sort()).toEqual(['facebook:pfbid0AAA111', 'facebook:pfbid0DDD444', 'x:9']);
    // Each Facebook post under its own key, the one the page named and its content key.
    expect(await db.postAliases.count()).toBe(6);
  });

  it('forces a post into the queue by the key the page shows', async () => {
    const db = freshDb();
    await saveBrand(db, brand());
    const manual: Classify = async (p, d) => ({ ...(await mention(p, d)), autoQueue: false });
    await ingestPosts(db, [fbPost('pfbid0AAA111', ['facebook:fbh-abc'])], manual, NOW);
    expect(await db.queue.count()).toBe(0);
    await ingestPosts(db, [fbPost('pfbid0BBB222', ['facebook:fbh-abc'])], manual, NOW, new Set(['facebook:pfbid0BBB222']));
    expect(await db.queue.toCollection().primaryKeys()).toEqual(['facebook:pfbid0AAA111']);
  });
});


describe('version 3 upgrade (seeded version-2 database)', () => {
  it('keeps every v2 row and files the next sighting of an old pfbid post under its old key', async () => {
    const name = `replyline-v2-${Math.random().toString(36).slice(2)}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(V2_STORES);
    const old = fbPost('pfbid0OLD999', undefined);
    await v2.table('brands').put(brand());
    await v2.table('posts').put(old);
    await v2.table('settings').put({ id: 'me', agentName: 'Dana', updatedAt: 1 });
    v2.close();

    const db = openDb(name);
    expect(await db.posts.count()).toBe(1);
    expect((await db.settings.get('me'))?.agentName).toBe('Dana');
    expect(await db.postAliases.count()).toBe(0);
    // The same post again, now naming its other keys: the old key is still where it lives.
    const verdicts = await ingestPosts(db, [fbPost('pfbid0OLD999', ['facebook:fbh-abc'])], mention, NOW);
    expect(verdicts[0]?.key).toBe('facebook:pfbid0OLD999');
    expect(await resolvePostKey(db, 'facebook:fbh-abc')).toBe('facebook:pfbid0OLD999');
    db.close();
  });
});
