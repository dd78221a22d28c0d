/**
 * Which links the Facebook reader parses for an id: a comment's author link carries comment_id
 * too, but the comment's permalink is the one kept, so the author link is parsed only when no
 * permalink has the id (every comment key read in a flick parsed both before).
 */
import { describe, expect, it, vi } from 'vitest';
import { facebookAdapter } from '@/lib/sites/facebook';
import { parseFacebookHref } from '@/lib/sites/facebook/ids';
import { byId, loadFixture } from './load';

vi.mock('@/lib/sites/facebook/ids', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/sites/facebook/ids')>();
  return { ...real, parseFacebookHref: vi.fn(real.parseFacebookHref) };
});

const parsed = () => vi.mocked(parseFacebookHref).mock.calls.map(([href]) => href ?? '');

describe('Facebook id links', () => {
  it.each([
    ['c-en', 'sam.lee.3?comment_id=', '2222222222'],
    ['c-ru', 'profile.php?id=100012345678901&comment_id=', '3333333333'],
  ])("keys comment %s from its permalink without parsing its author link", (id, authorLink, commentId) => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    vi.mocked(parseFacebookHref).mockClear();
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
