// @vitest-environment happy-dom
/**
 * The scanner's reporting rules, against a real DOM (happy-dom) and a stubbed message channel:
 * posts go out in batches, and a page where nothing is recognised still reports its health once
 * it settles (silence must not read as "all fine").
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEALTH_SETTLE_MS, startPostScanner } from '@/entrypoints/content/scanner';
import { xAdapter } from '@/lib/sites/x';
import { tweetCell, makeTweets } from '../../e2e/support/xPage';

const sent = vi.hoisted(() => [] as { name: string; data: unknown }[]);
vi.mock('@/lib/messages', () => ({
  sendMessage: async (name: string, data: { posts?: { key: string }[] }) => {
    sent.push({ name, data });
    return { verdicts: (data.posts ?? []).map((p) => ({ key: p.key, matched: false, own: false, terms: [], queued: false, filtered: false })) };
  },
}));

/** happy-dom's own handle on the window, to put the page at an x.com URL. */
function setUrl(url: string): void {
  const happy: unknown = Reflect.get(window, 'happyDOM');
  const setURL: unknown = typeof happy === 'object' && happy !== null ? Reflect.get(happy, 'setURL') : undefined;
  if (typeof setURL !== 'function') throw new Error('not running in happy-dom');
  Reflect.apply(setURL, happy, [url]);
}

const settle = () => new Promise((r) => setTimeout(r, HEALTH_SETTLE_MS + 600));

describe('startPostScanner reporting', () => {
  let scope: AbortController;
  beforeEach(() => {
    sent.length = 0;
    scope = new AbortController();
    setUrl('https://x.com/home');
  });
  afterEach(() => scope.abort());

  it('reports health with no posts when the page has post-like articles but none is recognised', async () => {
    const cells = makeTweets(4, (i) => `hello ${i}`).map(tweetCell).join('');
    document.body.innerHTML = `<main role="main"><div>${cells.replace(/ data-testid="[^"]*"/g, '')}</div></main>`;
    startPostScanner(xAdapter, scope.signal);
    await settle();
    expect(sent).toEqual([
      { name: 'postsSeen', data: { page: { site: 'x', pageKind: 'home', url: 'https://x.com/home' }, posts: [], candidates: 4, extractionFailures: 0 } },
    ]);
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(0);
  });

  it('reports an empty page once, and a healthy page through its batch alone', async () => {
    document.body.innerHTML = '<main role="main"><p>nothing here</p></main>';
    startPostScanner(xAdapter, scope.signal);
    await settle();
    expect(sent.map((m) => m.data)).toMatchObject([{ posts: [], candidates: 0 }]);

    scope.abort();
    scope = new AbortController();
    sent.length = 0;
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${makeTweets(3, (i) => `hi ${i}`).map(tweetCell).join('')}</div></main>`;
    startPostScanner(xAdapter, scope.signal);
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.data).toMatchObject({ candidates: 3, extractionFailures: 0 });
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(3);
  });

  it('reports again after the page changes and settles', async () => {
    document.body.innerHTML = '<main role="main"><div id="t"></div></main>';
    startPostScanner(xAdapter, scope.signal);
    await settle();
    const drifted = makeTweets(3, (i) => `late ${i}`, 1760000000000000000n).map(tweetCell).join('').replace(/ data-testid="[^"]*"/g, '');
    document.getElementById('t')?.insertAdjacentHTML('beforeend', drifted);
    await settle();
    expect(sent.map((m) => m.data)).toMatchObject([{ posts: [], candidates: 0 }, { posts: [], candidates: 3 }]);
  });
});
