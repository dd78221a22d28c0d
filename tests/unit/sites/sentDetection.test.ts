/** Each site's side of sent detection (lib/sites/<site>/sent.ts, in its editor side), as entrypoints/content/sent.ts asks it. */
import { describe, expect, it } from 'vitest';
import { SITE_EDITORS } from '@/lib/sites/editors';
import { PostSchema } from '@/lib/schemas/posts';
import { post as postOf } from '../support/db';

const post = (patch: { kind?: 'post' | 'comment'; isReply?: boolean }) => PostSchema.parse({ ...postOf('1', 'hello'), ...patch });

describe('sent detection per site', () => {
  it.each([
    ['x', 'https://x.com/acme/status/1', 'https://x.com/compose/post', true],
    ['x', 'https://x.com/compose/post', 'https://x.com/home', true],
    ['x', 'https://x.com/acme/status/1', 'https://x.com/home', false],
    ['facebook', 'https://www.facebook.com/acme/posts/1', 'https://www.facebook.com/compose/post', false],
  ] as const)('%s: %s → %s stays on the post: %s', (site, from, to, stays) => {
    const adapter = SITE_EDITORS[site];
    expect(adapter.sent.staysOnPost(from, to)).toBe(stays);
  });

  it.each([
    ['x', { sameText: true, byBrand: false }, { isReply: false }, true],
    ['x', { sameText: false, byBrand: true }, { isReply: true }, true],
    ['x', { sameText: false, byBrand: true }, { isReply: false }, false],
    ['x', { sameText: false, byBrand: false }, { isReply: true }, false],
    ['facebook', { sameText: true, byBrand: false }, { kind: 'comment' as const }, true],
    ['facebook', { sameText: true, byBrand: true }, { kind: 'post' as const }, false],
    ['facebook', { sameText: false, byBrand: true }, { kind: 'comment' as const }, false],
  ] as const)('%s: evidence %o on %o is our reply: %s', (site, evidence, patch, ours) => {
    const adapter = SITE_EDITORS[site];
    expect(adapter.sent.isOurReply(post(patch), evidence)).toBe(ours);
  });
});
