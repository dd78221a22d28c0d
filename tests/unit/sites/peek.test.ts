/**
 * peekKey is the cheap look every post gets (only posts that may mention a brand are fully
 * extracted), so it must key every post exactly as the full extraction does — on every fixture,
 * and on the awkward cases: a quote whose timestamp comes first, a row still rendering.
 */
import { describe, expect, it, vi } from 'vitest';
import { facebookAdapter } from '@/lib/sites/facebook';
import { xAdapter } from '@/lib/sites/x';
import type { SiteAdapter } from '@/lib/sites/types';
import { loadFixture } from './load';

const cases: [string, SiteAdapter, 'x' | 'facebook', string, string][] = [
  ['x timeline', xAdapter, 'x', 'timeline.html', 'https://x.com/home'],
  ['x conversation', xAdapter, 'x', 'conversation.html', 'https://x.com/jane/status/1'],
  ['x profile', xAdapter, 'x', 'profile.html', 'https://x.com/acme'],
  ['x 2023 User-Names', xAdapter, 'x', 'user-names-2023.html', 'https://x.com/home'],
  ['x legacy', xAdapter, 'x', 'legacy-no-testid.html', 'https://mobile.twitter.com/oldbrand'],
  ['facebook feed', facebookAdapter, 'facebook', 'feed.html', 'https://www.facebook.com/'],
  ['facebook describedby', facebookAdapter, 'facebook', 'feed-describedby.html', 'https://web.facebook.com/groups/acmefans'],
  ['facebook dialog', facebookAdapter, 'facebook', 'dialog.html', 'https://www.facebook.com/'],
  ['facebook post page 2025', facebookAdapter, 'facebook', 'post-page-2025.html', 'https://www.facebook.com/AcmeBakery/posts/pfbid0AcmeNov12PostPermalink7'],
  ['facebook comment replies', facebookAdapter, 'facebook', 'comment-replies.html', 'https://www.facebook.com/'],
];

describe('peekKey agrees with extract', () => {
  it.each(cases)('%s', (_label, adapter, site, file, url) => {
    const doc = loadFixture(site, file, url);
    const elements = adapter.findPostElements(doc);
    for (const el of elements) {
      const full = adapter.extract(el, 0);
      const peek = adapter.peekKey(el);
      expect(peek).toEqual(full.ok ? { ok: true, key: full.post.key } : { ok: false, reason: full.reason });
    }
  });

  it('reads an X key with single selectors, never a selector list (Chromium answers a list by a slower path)', () => {
    const doc = loadFixture('x', 'timeline.html', 'https://x.com/home');
    const [el] = xAdapter.findPostElements(doc);
    if (!el) throw new Error('no post');
    const query = vi.spyOn(el, 'querySelector');
    expect(xAdapter.peekKey(el).ok).toBe(true);
    const selectors = query.mock.calls.map(([selector]) => selector);
    expect(selectors.length).toBeGreaterThan(0);
    expect(selectors.filter((selector) => selector.includes(','))).toEqual([]);
  });

  it('finds posts on the fixtures that have them (so the loop above checked something)', () => {
    const doc = loadFixture('x', 'timeline.html', 'https://x.com/home');
    expect(xAdapter.findPostElements(doc).filter((el) => xAdapter.peekKey(el).ok).length).toBeGreaterThan(3);
  });

  const article = (inner: string) => {
    const doc = loadFixture('x', 'timeline.html', 'https://x.com/home');
    doc.body.innerHTML = `<article data-testid="tweet" role="article">${inner}</article>`;
    const el = doc.querySelector('article');
    if (!el) throw new Error('no article');
    return el;
  };
  const quote = `<div role="link" tabindex="0"><div data-testid="User-Name"><span>Other</span><span>@other</span></div>
    <a href="/other/status/222"><time datetime="2026-01-01T00:00:00Z">Jan 1</time></a><div data-testid="tweetText">quoted</div></div>`;

  it.each([
    ['own time before the quote', `<div data-testid="User-Name"><a href="/jane">Jane</a><span>@jane</span><a href="/jane/status/111"><time datetime="2026-01-02T00:00:00Z">2h</time></a></div><div data-testid="tweetText">look @acme</div>${quote}`, { ok: true, key: 'x:111' }],
    ['own time missing: never the quote\'s id', `<div data-testid="User-Name"><a href="/jane">Jane</a><span>@jane</span></div><div data-testid="tweetText">look @acme</div>${quote}`, { ok: false, reason: 'pending' }],
    ['no time yet, own status link elsewhere', `<div data-testid="User-Name"><a href="/jane">Jane</a><span>@jane</span></div><a href="/jane/status/333/analytics">stats</a>`, { ok: true, key: 'x:333' }],
    ['nothing rendered yet', '<div></div>', { ok: false, reason: 'pending' }],
  ])('%s', (_label, inner, expected) => {
    const el = article(inner);
    expect(xAdapter.peekKey(el)).toEqual(expected);
    const full = xAdapter.extract(el, 0);
    expect(full.ok ? { ok: true, key: full.post.key } : { ok: false, reason: full.reason }).toEqual(expected);
  });
});
