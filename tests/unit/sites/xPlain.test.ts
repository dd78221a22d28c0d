/**
 * A post without quotes or optional parts is read with fewer DOM calls (extractPlain in
 * lib/sites/x/adapter.ts); the full extraction (extractByParts) lists every link and button. Both
 * must read every post alike: on every fixture, and on generated posts with any text, handles and
 * "Replying to" line.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { xAdapter } from '@/lib/sites/x';
import { extractByParts, extractX } from '@/lib/sites/x/adapter';
import { X, X_NOT_PLAIN_PROBES, X_VERIFIED_PROBES } from '@/lib/sites/x/x.selectors';
import { containsAnyOf } from '@/lib/dom/query';
import { tweetArticle, type FakeTweet } from '../../e2e/support/xPage';
import { loadFixture, loadHtml } from './load';

const NOW = Date.UTC(2026, 10, 23, 18, 0, 0);

const fixtures: [string, string][] = [
  ['timeline.html', 'https://x.com/home'],
  ['conversation.html', 'https://x.com/lena/status/1850000000000000100'],
  ['user-names-2023.html', 'https://x.com/home'],
];

function articleOf(html: string, url = 'https://x.com/search?q=acme'): Element {
  const [article] = xAdapter.findPostElements(loadHtml(`<div data-testid="cellInnerDiv">${html}</div>`, url));
  if (!article) throw new Error('no article');
  return article;
}

describe('x: plain posts with fewer DOM calls', () => {
  it.each(fixtures)('%s: every post reads as the full extraction reads it', (file, url) => {
    const doc = loadFixture('x', file, url);
    const elements = xAdapter.findPostElements(doc);
    expect(elements.length).toBeGreaterThan(0);
    for (const el of elements) {
      expect(extractX(el, NOW)).toEqual(extractByParts(el, NOW));
      // Handed the post's text, as the scanner hands it: the "@" count may spare the link read.
      expect(extractX(el, NOW, undefined, el.textContent ?? '')).toEqual(extractByParts(el, NOW));
    }
  });

  it('generated posts: any text, handle, counts and reply line read alike', () => {
    const handle = fc.stringMatching(/^[A-Za-z0-9_]{1,15}$/);
    fc.assert(
      fc.property(
        fc.record({
          id: fc.bigInt({ min: 1n, max: 10n ** 19n }).map(String),
          handle,
          // "@" where it could be taken for a reply line's: in the name, the text, a mention.
          name: fc.oneof(fc.string({ maxLength: 40 }), handle.map((h) => `@${h}`)),
          text: fc.oneof(fc.string({ maxLength: 200 }), fc.tuple(fc.string({ maxLength: 60 }), handle).map(([t, h]) => `${t} @${h} ${t}`)),
          replies: fc.nat(5000),
          replyTo: fc.array(handle, { maxLength: 3 }),
        }),
        (t) => {
          const tweet: FakeTweet = { ...t, createdAt: new Date(NOW - 3_600_000).toISOString() };
          const article = articleOf(tweetArticle(tweet));
          const full = extractByParts(article, NOW);
          expect(extractX(article, NOW)).toEqual(full);
          expect(extractX(article, NOW, undefined, article.textContent ?? '')).toEqual(full);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('asks for the parts a plain post lacks one selector at a time, never as one selector list', () => {
    const article = articleOf(tweetArticle({ id: '1850000000000000002', handle: 'jane', name: 'Jane', text: '@acme hi', createdAt: new Date(NOW).toISOString() }));
    const queries = vi.spyOn(article, 'querySelector');
    expect(extractX(article, NOW).ok).toBe(true);
    const selectors = queries.mock.calls.map(([selector]) => selector);
    expect(selectors).toEqual(expect.arrayContaining([...X_NOT_PLAIN_PROBES]));
    // Chromium walks a post for a list of attribute selectors at 1.5–2× the cost of each alone.
    expect(selectors.filter((selector) => selector.includes(','))).toEqual([]);
  });

  it.each([
    ['a quote', '<div role="link" tabindex="0"><div data-testid="User-Name"><span>@q</span></div></div>'],
    ['a quote without tabindex', '<div role="link"><time datetime="2026-01-01T00:00:00.000Z">1d</time></div>'],
    ['a social context', '<div data-testid="socialContext">Pinned</div>'],
    ['"Show more"', '<span data-testid="tweet-text-show-more-link">Show more</span>'],
  ])('a post with %s is not plain: the probes find it', (_, part) => {
    const article = articleOf(tweetArticle({ id: '1850000000000000003', handle: 'jane', name: 'Jane', text: 'hi', createdAt: new Date(NOW).toISOString() }));
    article.firstElementChild?.insertAdjacentHTML('beforeend', part);
    const parts = [...X.quote, ...X.socialContext, ...X.showMore];
    expect(parts.some((selector) => article.querySelector(selector) !== null)).toBe(true);
    expect(containsAnyOf(article, X_NOT_PLAIN_PROBES)).toBe(true);
    expect(extractX(article, NOW)).toEqual(extractByParts(article, NOW));
  });

  it.each([
    ['a verified icon', '<svg data-testid="icon-verified"></svg>'],
    ['a verified label (svg)', '<svg aria-label="Verified account"></svg>'],
    ['a verified label', '<span aria-label="Verified account"></span>'],
  ])('%s in the author line is found there; elsewhere it does not count', (_, part) => {
    const tweet = { id: '1850000000000000008', handle: 'jane', name: 'Jane', text: 'hi', createdAt: new Date(NOW).toISOString() };
    const inLine = articleOf(tweetArticle(tweet));
    const line = inLine.querySelector('[data-testid="User-Name"]');
    line?.insertAdjacentHTML('beforeend', part);
    expect(line && X.verified.some((selector) => line.querySelector(selector) !== null)).toBe(true);
    expect(line && containsAnyOf(line, X_VERIFIED_PROBES)).toBe(true);
    // Still the plain read: the full one lists the post's quotes first (one querySelectorAll).
    const lists = vi.spyOn(inLine, 'querySelectorAll');
    const read = extractX(inLine, NOW);
    expect(lists.mock.calls.map(([selector]) => selector).filter((selector) => selector.includes(X.quote[1]))).toEqual([]);
    lists.mockRestore();
    expect(read.ok && read.post.authorVerified).toBe(true);
    expect(read).toEqual(extractByParts(inLine, NOW));
    const outside = articleOf(tweetArticle(tweet));
    outside.firstElementChild?.insertAdjacentHTML('beforeend', part);
    const other = extractX(outside, NOW);
    expect(other.ok && other.post.authorVerified).toBe(false);
    expect(other).toEqual(extractByParts(outside, NOW));
  });

  it('reuses the key read it is handed: no second query for the time or the permalink', () => {
    const article = articleOf(tweetArticle({ id: '1850000000000000004', handle: 'jane', name: 'Jane', text: '@acme hi', createdAt: new Date(NOW).toISOString() }));
    const peek = xAdapter.peekKey(article);
    const queries = vi.spyOn(article, 'querySelector');
    const time = article.querySelector('time');
    if (!time) throw new Error('no time');
    const climbs = vi.spyOn(time, 'closest');
    const expected = extractByParts(article, NOW);
    queries.mockClear();
    climbs.mockClear();
    expect(extractX(article, NOW, peek)).toEqual(expected);
    expect(queries.mock.calls.map(([selector]) => selector)).not.toContain(X.time[0]);
    expect(climbs).not.toHaveBeenCalled();
  });

  it("never reuses a key read of another post, or one it was not handed", () => {
    const first = articleOf(tweetArticle({ id: '1850000000000000005', handle: 'jane', name: 'Jane', text: 'one', createdAt: new Date(NOW).toISOString() }));
    const second = articleOf(tweetArticle({ id: '1850000000000000006', handle: 'joe', name: 'Joe', text: 'two', createdAt: new Date(NOW).toISOString() }));
    const peekFirst = xAdapter.peekKey(first);
    const read = (el: Element, peeked?: ReturnType<typeof xAdapter.peekKey>) => {
      const result = extractX(el, NOW, peeked);
      return result.ok ? result.post.key : result.reason;
    };
    expect(read(second, peekFirst)).toBe('x:1850000000000000006');
    // The row was recycled after its key read: an extraction not handed that read looks again.
    first.querySelector('a[href*="/status/"]')?.setAttribute('href', '/jane/status/1850000000000000007');
    expect(read(first)).toBe('x:1850000000000000007');
    expect(peekFirst).toEqual({ ok: true, key: 'x:1850000000000000005' });
  });

  it('lists only the links of a plain post: each action button is one query, not a list read back', () => {
    const article = articleOf(tweetArticle({ id: '1850000000000000001', handle: 'jane', name: 'Jane', text: '@AcmeHelp where is my order?', createdAt: new Date(NOW).toISOString(), replies: 12, replyTo: ['acme'] }));
    const lists = vi.spyOn(article, 'querySelectorAll');
    const result = extractX(article, NOW);
    expect(result.ok && result.post.replyToHandles).toEqual(['acme']);
    expect(result.ok && result.post.counts).toEqual({ replies: 12, reposts: 0, likes: 0 });
    expect(lists.mock.calls.map(([selector]) => selector)).toEqual(['a[href]']);
  });

  it.each([
    ['a mention in the text only', { text: '@AcmeHelp where is my order?' }, false],
    ['an "@" in the display name', { name: '@jane_rl', text: 'where is my order?' }, false],
    ['a "Replying to" line', { text: 'where is my order?', replyTo: ['acme'] }, true],
  ])('handed the post text, reads the links only when an "@" is outside the author line and text: %s', (_, parts, listsLinks) => {
    const article = articleOf(tweetArticle({ id: '1850000000000000009', handle: 'jane', name: 'Jane', createdAt: new Date(NOW).toISOString(), ...parts }));
    const lists = vi.spyOn(article, 'querySelectorAll');
    const result = extractX(article, NOW, undefined, article.textContent ?? '');
    const listed = lists.mock.calls.map(([selector]) => selector);
    lists.mockRestore();
    expect(result).toEqual(extractByParts(article, NOW));
    expect(listed.includes('a[href]')).toBe(listsLinks);
  });

  it('looks for the repost and like buttons in the action bar around the reply button', () => {
    const article = articleOf(tweetArticle({ id: '1850000000000000011', handle: 'jane', name: 'Jane', text: 'hi', createdAt: new Date(NOW).toISOString(), replies: 3 }));
    const bar = article.querySelector(X.actionBar[0]);
    if (!bar) throw new Error('no action bar');
    bar.querySelector(X.repostButton[0])?.setAttribute('aria-label', '4 reposts. Repost');
    bar.querySelector(X.likeButton[0])?.setAttribute('aria-label', '5 Likes. Like');
    const inBar = vi.spyOn(bar, 'querySelector');
    const result = extractX(article, NOW);
    const askedBar = inBar.mock.calls.map(([selector]) => selector);
    inBar.mockRestore();
    expect(result.ok && result.post.counts).toEqual({ replies: 3, reposts: 4, likes: 5 });
    expect(result).toEqual(extractByParts(article, NOW));
    expect(askedBar).toEqual([X.repostButton[0], X.likeButton[0]]);
  });

  it('a button without a number is read in the bar alone; one missing from the bar is looked for in the post', () => {
    const article = articleOf(tweetArticle({ id: '1850000000000000012', handle: 'jane', name: 'Jane', text: 'hi', createdAt: new Date(NOW).toISOString() }));
    const bar = article.querySelector(X.actionBar[0]);
    if (!bar) throw new Error('no action bar');
    bar.querySelector(X.repostButton[0])?.setAttribute('aria-label', 'Repost');
    const like = bar.querySelector(X.likeButton[0]);
    like?.setAttribute('aria-label', '7 Likes. Like');
    if (like) bar.after(like);
    const queries = vi.spyOn(article, 'querySelector');
    const result = extractX(article, NOW);
    const asked = queries.mock.calls.map(([selector]) => selector);
    queries.mockRestore();
    expect(result.ok && result.post.counts).toEqual({ replies: 0, reposts: undefined, likes: 7 });
    expect(result).toEqual(extractByParts(article, NOW));
    expect(asked.filter((selector) => selector === X.repostButton[0] || selector === X.repostButton[1])).toEqual([]);
    expect(asked).toContain(X.likeButton[0]);
  });
});
