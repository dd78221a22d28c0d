/**
 * Facebook dates shown as words are read in the background (lib/sites/postTime.ts): the page sends
 * the words and when it read them, ingest turns them into `createdAt` before the write and never
 * stores the words. The parser's own table and property tests are in parsing.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestPosts, type Classify } from '@/lib/db/ingest';
import { PostSchema } from '@/lib/schemas/posts';
import { settlePostTime, settleReplyTime, timeFromLabels } from '@/lib/sites/postTime';
import { freshDb, post } from '../support/db';

const READ_AT = Date.UTC(2026, 10, 23, 18);
const HOUR = 3_600_000;
const fbPost = (patch: Record<string, unknown>) =>
  PostSchema.parse({ ...post('1', 'hello'), key: 'facebook:1', site: 'facebook', url: 'https://www.facebook.com/acme/posts/1', createdAt: undefined, seenAt: READ_AT, ...patch });

describe('timeFromLabels', () => {
  it.each<[string, readonly string[] | undefined, number | undefined]>([
    ['the first label that reads as a time', ['3 hrs'], READ_AT - 3 * HOUR],
    ['the text when the aria-label does not read', ['Share', '2h'], READ_AT - 2 * HOUR],
    ['the label before the text', ['5m', '2h'], READ_AT - 5 * 60_000],
    ['nothing for words that are no time', ['Like', 'Reply'], undefined],
    ['nothing for no labels', undefined, undefined],
    ['nothing before the epoch', ['100 years'], undefined],
  ])('%s', (_name, labels, expected) => {
    expect(timeFromLabels('facebook', labels, READ_AT)).toBe(expected);
  });

  it('X has no word dates: its labels are never read', () => {
    expect(timeFromLabels('x', ['3 hrs'], READ_AT)).toBeUndefined();
  });
});

describe('settlePostTime / settleReplyTime', () => {
  it.each<[string, Record<string, unknown>, number | undefined]>([
    ['labels become createdAt, read against seenAt', { timeLabels: ['Yesterday at 11:02'] }, new Date(2026, 10, 22, 11, 2).getTime()],
    ['a timestamp the page read wins', { createdAt: 5, timeLabels: ['3 hrs'] }, 5],
    ['unreadable labels leave it undated', { timeLabels: ['Reply'] }, undefined],
    ['no labels, nothing changes', {}, undefined],
  ])('%s', (_name, patch, expected) => {
    const settled = settlePostTime(fbPost(patch));
    expect(settled.createdAt).toBe(expected);
    expect(settled).not.toHaveProperty('timeLabels');
  });

  it('any post comes out without labels and otherwise unchanged', () => {
    fc.assert(
      fc.property(fc.option(fc.array(fc.string({ maxLength: 40 }), { maxLength: 2 }), { nil: undefined }), fc.option(fc.nat(), { nil: undefined }), (labels, createdAt) => {
        const before = fbPost({ timeLabels: labels, createdAt });
        const { timeLabels: _dropped, createdAt: _time, ...rest } = before;
        const after = settlePostTime(before);
        expect(after).not.toHaveProperty('timeLabels');
        expect(after).toMatchObject(rest);
        if (createdAt !== undefined) expect(after.createdAt).toBe(createdAt);
        expect(PostSchema.parse(after)).toEqual(after);
      }),
    );
  });

  it.each([
    ['dated from the words and when they were read', { handle: 'acme', postId: '9', timeLabels: ['20 hrs'], readAt: READ_AT }, { handle: 'acme', postId: '9', createdAt: READ_AT - 20 * HOUR }],
    ['words without a read time stay undated', { handle: 'acme', postId: '9', timeLabels: ['20 hrs'] }, { handle: 'acme', postId: '9' }],
    ['a timestamp passes through', { handle: 'acme', postId: '9', createdAt: 7 }, { handle: 'acme', postId: '9', createdAt: 7 }],
  ])('a brand reply: %s', (_name, reply, expected) => {
    expect(settleReplyTime('facebook', reply)).toEqual(expected);
  });
});

describe('ingest', () => {
  it('files a Facebook post sent with word dates under a timestamp, without the words', async () => {
    const db = freshDb();
    const ignore: Classify = async () => ({ matched: false, own: false, terms: [], autoQueue: false });
    await ingestPosts(db, [{ ...fbPost({}), timeLabels: ['3 hrs'] }], ignore, READ_AT);
    const stored = await db.posts.get('facebook:1');
    expect(stored?.createdAt).toBe(READ_AT - 3 * HOUR);
    expect(stored).not.toHaveProperty('timeLabels');
  });
});
