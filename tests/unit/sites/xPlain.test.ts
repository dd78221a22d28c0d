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
    for (const el of elements) expect(extractX(el, NOW)).toEqual(extractByParts(el, NOW));
  });

  it('generated posts: any text, handle, counts and reply line read alike', () => {
    const handle = fc.stringMatching(/^[A-Za-z0-9_]{1,15}$/);
    fc.assert(
      fc.property(
        fc.record({
          id: fc.bigInt({ min: 1n, max: 10n ** 19n }).map(String),
          handle,
          name: fc.string({ maxLength: 40 }),
          text: fc.string({ maxLength: 200 }),
          replies: fc.nat(5000),
          replyTo: fc.array(handle, { maxLength: 3 }),
        }),
        (t) => {
          const tweet: FakeTweet = { ...t, createdAt: new Date(NOW - 3_600_000).toISOString() };
          const article = articleOf(tweetArticle(tweet));
          expect(extractX(article, NOW)).toEqual(extractByParts(article, NOW));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lists only the links of a plain post: each action button is one query, not a list read back', () => {
    const article = articleOf(tweetArticle({ id: '1850000000000000001', handle: 'jane', name: 'Jane', text: '@AcmeHelp where is my order?', createdAt: new Date(NOW).toISOString(), replies: 12, replyTo: ['acme'] }));
    const lists = vi.spyOn(article, 'querySelectorAll');
    const result = extractX(article, NOW);
    expect(result.ok && result.post.replyToHandles).toEqual(['acme']);
    expect(result.ok && result.post.counts).toEqual({ replies: 12, reposts: 0, likes: 0 });
    expect(lists.mock.calls.map(([selector]) => selector)).toEqual(['a[href]']);
  });
});
