/**
 * Which links the Facebook reader parses for an id: a comment's author link carries comment_id
 * too, but the comment's permalink is the one kept, so the author link is parsed only when no
 * permalink has the id (every comment key read in a flick parsed both before). A post's permalink
 * leads its header: it is found by a query that stops there, and the unit's links are listed only
 * when that first link is not the answer.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FB } from '@/lib/sites/facebook/facebook.selectors';
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
afterEach(() => {
  vi.restoreAllMocks();
});

/** The post-link lists queried under `el` while `read` runs. */
function postLinkListsOf(el: Element, read: () => unknown): number {
  const group = FB.postLink.join(', ');
  const listAll = vi.spyOn(el, 'querySelectorAll');
  read();
  return listAll.mock.calls.filter(([selectors]) => selectors === group).length;
}

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

  it("keys a post from its leading permalink without listing the unit's links", () => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    const post = byId(doc, 'post-1');
    let peek: unknown;
    expect(postLinkListsOf(post, () => (peek = facebookAdapter.peekKey(post)))).toBe(0);
    expect(peek).toEqual({ ok: true, key: 'facebook:pfbid02Kq3xYzAbCdEfGh1234567890' });
  });

  it.each([
    ['a profile link carrying a post id', 'https://www.facebook.com/jane.doe.77?story_fbid=123456789012345'],
    ['a link that names no post', 'https://www.facebook.com/groups/bakers/permalink/'],
  ])('keys a post as before when its first candidate link is %s', (_label, href) => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    const post = byId(doc, 'post-1');
    const lead = doc.createElement('a');
    lead.setAttribute('href', href);
    lead.textContent = 'Acme';
    post.querySelector('h2')?.prepend(lead);
    expect(postLinkListsOf(post, () => expect(facebookAdapter.peekKey(post)).toEqual({ ok: true, key: 'facebook:pfbid02Kq3xYzAbCdEfGh1234567890' }))).toBe(1);
  });

  it("keys a post as before when the first candidate link under it is in a comment", () => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/');
    const post = byId(doc, 'post-1');
    const permalink = post.querySelector('h2 + span a');
    const comments = post.querySelector('ul');
    if (!permalink?.parentElement || !comments) throw new Error('fixture changed');
    // The post's own permalink now comes after its comments', and the first comment links another post.
    comments.after(permalink.parentElement);
    const shared = doc.createElement('a');
    shared.setAttribute('href', 'https://www.facebook.com/OtherPage/posts/123456789012345');
    byId(doc, 'c-en').prepend(shared);
    expect(post.querySelector(FB.postLink.join(', '))?.closest('[role="article"]')).not.toBeNull();
    expect(facebookAdapter.peekKey(post)).toEqual({ ok: true, key: 'facebook:pfbid02Kq3xYzAbCdEfGh1234567890' });
    expect(facebookAdapter.extract(post, Date.now())).toMatchObject({ ok: true, post: { key: 'facebook:pfbid02Kq3xYzAbCdEfGh1234567890' } });
  });
});
