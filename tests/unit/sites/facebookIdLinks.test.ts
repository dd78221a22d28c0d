/**
 * Which links the Facebook reader parses for an id: a comment's author link carries comment_id
 * too, but the comment's permalink is the one kept, so the author link is parsed only when no
 * permalink has the id (every comment key read in a flick parsed both before).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '@/lib/sites/types';
import { byId, loadFixture } from './load';

// Test files share their worker's modules (vitest.config.ts): the reader is imported afresh with
// its id parser wrapped, and the registry is left as found for the files after this one.
const parse = vi.fn<(href: string | null | undefined) => unknown>();
let facebookAdapter: SiteAdapter;
beforeAll(async () => {
  vi.resetModules();
  vi.doMock('@/lib/sites/facebook/ids', async (importOriginal) => {
    const real = await importOriginal<typeof import('@/lib/sites/facebook/ids')>();
    return {
      ...real,
      parseFacebookHref: (href: string | null | undefined) => {
        parse(href);
        return real.parseFacebookHref(href);
      },
    };
  });
  ({ facebookAdapter } = await import('@/lib/sites/facebook'));
});
afterAll(() => {
  vi.doUnmock('@/lib/sites/facebook/ids');
  vi.resetModules();
});

const parsed = () => parse.mock.calls.map(([href]) => href ?? '');

describe('Facebook id links', () => {
  it.each([
    ['c-en', 'sam.lee.3?comment_id=', '2222222222'],
    ['c-ru', 'profile.php?id=100012345678901&comment_id=', '3333333333'],
  ])("keys comment %s from its permalink without parsing its author link", (id, authorLink, commentId) => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    parse.mockClear();
    expect(facebookAdapter.peekKey(byId(doc, id))).toEqual({ ok: true, key: `facebook:${commentId}` });
    expect(parsed().some((href) => href.includes('/posts/'))).toBe(true);
    expect(parsed().some((href) => href.includes(authorLink))).toBe(false);
  });

  it("keys a comment from its author link when no permalink carries the id", () => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    const comment = byId(doc, 'c-en');
    for (const link of comment.querySelectorAll('a[href*="/posts/"]')) link.setAttribute('href', '#');
    expect(facebookAdapter.peekKey(comment)).toEqual({ ok: true, key: 'facebook:2222222222' });
  });
});
