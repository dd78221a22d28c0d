import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { PostSchema, type Post } from '../../../lib/schemas/posts';
import { wirePost } from '../../../entrypoints/content/wirePost';

/** The required fields only: what the wire carries for a post with nothing else set. */
const required = {
  key: 'x:1',
  site: 'x',
  postId: '1',
  url: 'https://x.com/bob/status/1',
  text: '@acme where is my order',
  seenAt: 5,
} as const;

const bare: Post = z.parse(PostSchema, required);

const full: Post = {
  ...bare,
  kind: 'comment',
  authorHandle: 'bob',
  authorName: 'Bob',
  authorVerified: true,
  authorProfileUrl: 'https://x.com/bob',
  truncated: true,
  createdAt: 4,
  timeLabels: ['3 hrs'],
  lang: 'en',
  isReply: true,
  replyToHandles: ['acme'],
  parentPostId: '0',
  quotedPostId: '2',
  threadOwner: 'acme',
  quotedAuthorHandle: 'carol',
  quotedText: 'hi',
  repostedBy: 'dan',
  counts: { replies: 1, reposts: 0, likes: 3 },
  sameAs: ['x:9'],
};

describe('wirePost', () => {
  it.each([
    ['a post with only required fields', bare],
    ['a post with every field set', full],
    ['a post with some counts unknown', { ...full, counts: { replies: undefined, reposts: 2, likes: undefined } }],
  ])('parses back to the same post: %s', (_, post) => {
    expect(z.parse(PostSchema, wirePost(post))).toEqual(z.parse(PostSchema, post));
  });

  it('leaves out defaults and undefined fields', () => {
    expect(wirePost({ ...bare, lang: undefined, counts: { likes: undefined } })).toEqual(required);
  });

  it('keeps every field that differs from its default', () => {
    expect(Object.keys(wirePost(full)).sort()).toEqual(Object.keys(full).sort());
  });
});
