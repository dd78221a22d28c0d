// @vitest-environment happy-dom
/**
 * The scanner's reporting rules, against a real DOM (happy-dom) and a stubbed message channel:
 * every post is marked, only posts that may mention a brand go out (in batches), and a page where
 * nothing is recognised still reports its health once it settles (silence must not read as "all
 * fine").
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEALTH_SETTLE_MS, startPostScanner, type BrandFilter } from '@/entrypoints/content/scanner';
import { compileMatcher, type Matcher } from '@/lib/matching/matcher';
import { xAdapter } from '@/lib/sites/x';
import { BrandProfileSchema } from '@/lib/schemas';
import { tweetCell, makeTweets } from '../../e2e/support/xPage';

const acme = BrandProfileSchema.parse({ id: 'acme', name: 'Acme', handles: ['acme'], names: ['Acme'], createdAt: 0, updatedAt: 0 });

/** A brand filter the test drives: `set` plays the background answering with new brands. */
function testFilter(initial: Matcher | undefined, handles: readonly string[] = []) {
  let matcher = initial;
  const listeners = new Set<() => void>();
  const filter: BrandFilter = {
    current: () => matcher,
    isBrandHandle: (handle) => handles.some((h) => h.toLowerCase() === handle.toLowerCase()),
    onChange: (listener) => void listeners.add(listener),
  };
  return {
    filter,
    set(next: Matcher) {
      matcher = next;
      for (const l of listeners) l();
    },
  };
}
const noBrands = () => testFilter(compileMatcher([])).filter;

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
    startPostScanner(xAdapter, scope.signal, noBrands());
    await settle();
    expect(sent).toEqual([
      { name: 'postsSeen', data: { page: { site: 'x', pageKind: 'home', url: 'https://x.com/home' }, posts: [], recognised: 0, candidates: 4, extractionFailures: 0 } },
    ]);
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(0);
  });

  it('reports an empty page once, and a healthy page through its batch alone', async () => {
    document.body.innerHTML = '<main role="main"><p>nothing here</p></main>';
    startPostScanner(xAdapter, scope.signal, noBrands());
    await settle();
    expect(sent.map((m) => m.data)).toMatchObject([{ posts: [], recognised: 0, candidates: 0 }]);

    scope.abort();
    scope = new AbortController();
    sent.length = 0;
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${makeTweets(3, (i) => `@acme hi ${i}`).map(tweetCell).join('')}</div></main>`;
    startPostScanner(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter);
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.data).toMatchObject({ recognised: 3, candidates: 3, extractionFailures: 0 });
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(3);
  });

  it('reports again after the page changes and settles', async () => {
    document.body.innerHTML = '<main role="main"><div id="t"></div></main>';
    startPostScanner(xAdapter, scope.signal, noBrands());
    await settle();
    const drifted = makeTweets(3, (i) => `late ${i}`, 1760000000000000000n).map(tweetCell).join('').replace(/ data-testid="[^"]*"/g, '');
    document.getElementById('t')?.insertAdjacentHTML('beforeend', drifted);
    await settle();
    expect(sent.map((m) => m.data)).toMatchObject([{ posts: [], candidates: 0 }, { posts: [], candidates: 3 }]);
  });

  it('marks every post but sends only those that may mention a brand; health counts them all', async () => {
    const tweets = makeTweets(6, (i) => (i % 3 === 0 ? `Hey @acme, order ${i} is late` : `lunch photo ${i}`), 1761000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    startPostScanner(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter);
    await settle();
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(6);
    const batches = sent.map((m) => m.data as { posts: { key: string; text: string }[]; recognised: number });
    expect(batches.flatMap((b) => b.posts.map((p) => p.key))).toEqual([`x:${tweets[0]?.id}`, `x:${tweets[3]?.id}`]);
    expect(batches.flatMap((b) => b.posts.map((p) => p.text))).toEqual([tweets[0]?.text, tweets[3]?.text]);
    expect(batches.reduce((n, b) => n + b.recognised, 0)).toBe(6);
  });

  it('finds a mention at the very start of a post whose markup has no whitespace between parts (as on X)', async () => {
    const tweets = makeTweets(3, (i) => ['Acme lost my order', '@AcmeHelp where is it?', 'lunch photo'][i] ?? '', 1765000000000000000n);
    // X's markup has no text between elements: textContent runs "·1h" into "Acme lost…".
    const cells = tweets.map(tweetCell).join('').replace(/>\s+</g, '><');
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${cells}</div></main>`;
    expect(document.querySelector('article')?.textContent).toContain('1hAcme lost');
    const brand = BrandProfileSchema.parse({ id: 'acme', name: 'Acme', handles: ['acme', 'AcmeHelp'], names: ['Acme'], createdAt: 0, updatedAt: 0 });
    startPostScanner(xAdapter, scope.signal, testFilter(compileMatcher([brand], { prefilter: true })).filter);
    await settle();
    const keys = sent.flatMap((m) => (m.data as { posts: { key: string }[] }).posts.map((p) => p.key));
    expect(keys).toEqual([`x:${tweets[0]?.id}`, `x:${tweets[1]?.id}`]);
  });

  it('sends replies under a brand\'s own post though they do not name it, and only those', async () => {
    const [focal, ...replies] = makeTweets(4, (i) => (i === 0 ? 'Our winter boots are here' : `where is my order ${i}?`), 1763000000000000000n);
    if (!focal) throw new Error('no tweets');
    const page = (owner: string) => {
      document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${[{ ...focal, handle: owner }, ...replies].map(tweetCell).join('')}</div></main>`;
    };
    setUrl(`https://x.com/acme/status/${focal.id}`);
    page('acme');
    startPostScanner(xAdapter, scope.signal, testFilter(compileMatcher([acme]), ['acme']).filter);
    await settle();
    const posts = () => sent.flatMap((m) => (m.data as { posts: { key: string; threadOwner?: string }[] }).posts);
    // The brand's own post goes too (its author line names the brand): the background calls it its own.
    expect(posts().map((p) => [p.key, p.threadOwner])).toEqual([[`x:${focal.id}`, undefined], ...replies.map((r) => [`x:${r.id}`, 'acme'])]);

    // The same thread under a customer's post: nothing names the brand, nothing leaves the page.
    scope.abort();
    scope = new AbortController();
    sent.length = 0;
    setUrl(`https://x.com/lena/status/${focal.id}`);
    page('lena');
    startPostScanner(xAdapter, scope.signal, testFilter(compileMatcher([acme]), ['acme']).filter);
    await settle();
    expect(posts()).toEqual([]);
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(4);
  });

  it('does not read a post again when only our badge was added to it', async () => {
    const tweets = makeTweets(2, (i) => `Hey @acme, order ${i} is late`, 1764000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    let peeks = 0;
    const counting = { ...xAdapter, peekKey: (el: Element) => ((peeks += 1), xAdapter.peekKey(el)) };
    startPostScanner(counting, scope.signal, testFilter(compileMatcher([acme])).filter);
    await settle();
    expect(peeks).toBe(2);
    const line = document.querySelector('[data-testid="User-Name"]');
    line?.appendChild(document.createElement('replyline-badge'));
    // Any other element added to the post is read again (text may have changed with it).
    line?.appendChild(document.createElement('span'));
    await settle();
    expect(peeks).toBe(3);
  });

  it('marks posts before the brands arrive, then reads them again with the matcher, and again on a brand change', async () => {
    const tweets = makeTweets(4, (i) => (i === 1 ? 'my Globex blender broke' : `@acme help ${i}`), 1762000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    const driven = testFilter(undefined);
    startPostScanner(xAdapter, scope.signal, driven.filter);
    await settle();
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(4);
    const sentKeys = () => sent.flatMap((m) => (m.data as { posts: { key: string }[] }).posts.map((p) => p.key));
    expect(sentKeys()).toEqual([]);

    driven.set(compileMatcher([acme]));
    await settle();
    expect(sentKeys()).toEqual([0, 2, 3].map((i) => `x:${tweets[i]?.id}`));

    sent.length = 0;
    const globex = BrandProfileSchema.parse({ id: 'globex', name: 'Globex', names: ['Globex'], createdAt: 0, updatedAt: 1 });
    driven.set(compileMatcher([acme, globex]));
    await settle();
    // Every post is read again; the background already knows the Acme ones and decides again.
    expect(sentKeys()).toContain(`x:${tweets[1]?.id}`);
  });

  it('counts candidates while the page may be unreadable; once posts read fine, only the settled report recounts, per doubling', async () => {
    const countCandidates = vi.fn(xAdapter.countCandidates);
    const adapter = { ...xAdapter, countCandidates };
    const tweets = makeTweets(12, (i) => `@acme order ${i}`, 1763000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn" id="t">${tweets.slice(0, 3).map(tweetCell).join('')}</div></main>`;
    startPostScanner(adapter, scope.signal, testFilter(compileMatcher([acme])).filter);
    await settle();
    expect(sent.at(-1)?.data).toMatchObject({ recognised: 3, candidates: 3 });
    const counts = countCandidates.mock.calls.length;

    // 4 read, 3 counted: within 2×, so the walk of the whole document is not repeated.
    document.getElementById('t')?.insertAdjacentHTML('beforeend', tweetCell(tweets[3]!));
    await settle();
    expect(countCandidates.mock.calls.length).toBe(counts);
    expect(sent.at(-1)?.data).toMatchObject({ recognised: 1, candidates: 3 });

    // 12 read against 3 counted: the batch carrying the new posts reuses the count (no walk of the
    // whole document while posts stream in); the report once the page settles recounts.
    sent.length = 0;
    document.getElementById('t')?.insertAdjacentHTML('beforeend', tweets.slice(4).map(tweetCell).join(''));
    await settle();
    expect(sent[0]?.data).toMatchObject({ candidates: 3, recognised: 8 });
    expect(countCandidates.mock.calls.length).toBe(counts + 1);
    expect(sent.at(-1)?.data).toMatchObject({ candidates: 12, posts: [] });
  });

  it('sends the first mention after a quiet spell at once, and gathers a stream into fewer messages', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestIdleCallback', 'cancelIdleCallback', 'performance'] });
    try {
      const tweets = makeTweets(3, (i) => `@acme order ${i} is late`, 1764000000000000000n);
      document.body.innerHTML = '<main role="main"><div data-testid="primaryColumn" id="t"></div></main>';
      startPostScanner(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter);
      const add = (i: number) => document.getElementById('t')?.insertAdjacentHTML('beforeend', tweetCell(tweets[i]!));
      const postBatches = () => sent.filter((m) => (m.data as { posts: unknown[] }).posts.length > 0).length;
      await vi.advanceTimersByTimeAsync(50);
      add(0);
      await vi.advanceTimersByTimeAsync(400);
      expect(postBatches()).toBe(1); // quiet page: out within the short delay
      add(1);
      await vi.advanceTimersByTimeAsync(250);
      add(2);
      await vi.advanceTimersByTimeAsync(200);
      expect(postBatches()).toBe(1); // streaming: still gathering
      await vi.advanceTimersByTimeAsync(400);
      expect(postBatches()).toBe(2);
      expect((sent.at(-1)?.data as { posts: unknown[] }).posts).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts clean after an extension update: an earlier copy\'s priority marks and badges are removed', async () => {
    const tweets = makeTweets(2, (i) => (i === 0 ? '@acme still broken' : 'just lunch'), 1765000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    for (const article of document.querySelectorAll('article')) {
      article.setAttribute('data-replyline-priority', '80');
      article.append(document.createElement('replyline-badge'));
    }
    startPostScanner(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter);
    expect(document.querySelectorAll('[data-replyline-priority], replyline-badge')).toHaveLength(0);
    await settle();
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(2);
  });
});
