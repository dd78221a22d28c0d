// @vitest-environment happy-dom
/**
 * The scanner's reporting rules, against a real DOM (happy-dom) and a stubbed message channel:
 * every post is marked, only posts that may mention a brand go out (in batches), a page where
 * nothing is recognised still reports its health once it settles (silence must not read as "all
 * fine"), and a batch the background did not take is kept and sent again. Time is a clock the
 * tests drive: they wait for the scanner's timers and messages, never for real time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BIG_SUBTREE_POSTS, FIRST_READ_BUDGET_MS, RETRY_DELAYS_MS, STREAM_PAUSE_MS, startPostScanner, type BrandFilter, type ScannerClock, type ScannerOptions } from '@/entrypoints/content/scanner';
import type { Scheduler } from '@/lib/dom/observe';
import type { SiteAdapter } from '@/lib/sites/types';
import { compileMatcher, type Matcher } from '@/lib/matching/matcher';
import { xAdapter } from '@/lib/sites/x';
import { BrandProfileSchema } from '@/lib/schemas/settings';
import { tweetCell, makeTweets } from '../../e2e/support/xPage';
import { facebookAdapter } from '@/lib/sites/facebook';
import { fbPost, type FakeFbPost } from '../../e2e/support/fbPage';

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

/** Messages the background took (`sent`), and every attempt with the clock's time (`attempts`). */
const channel = vi.hoisted(() => ({
  sent: [] as { name: string; data: unknown }[],
  attempts: [] as number[],
  failNext: 0,
  now: (): number => 0,
  /** The background's verdict for each post sent (default: the key alone, no priority). */
  verdict: (key: string): unknown => ({ key }),
}));
const sent = channel.sent;
vi.mock('@/entrypoints/content/messaging', async () => {
  const z = await import('zod/mini');
  const { pageSchemas } = await import('@/lib/pageMessages');
  const Keyed = z.object({ key: z.string() });
  const sendMessageUnparsed = async (name: string, data: unknown) => {
    channel.attempts.push(channel.now());
    if (channel.failNext > 0) {
      channel.failNext -= 1;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    // Recorded as the background reads it (parsed by the message's schema).
    const batch = name === 'postsSeen' ? z.parse(pageSchemas('postsSeen').input, data) : undefined;
    channel.sent.push({ name, data: batch ?? data });
    return { verdicts: (batch?.posts ?? []).map((p) => channel.verdict(z.parse(Keyed, p).key)) };
  };
  return { sendMessage: sendMessageUnparsed, sendMessageUnparsed };
});

/** Timers the test runs by hand: `next()` moves time to the earliest one and runs it. */
function manualClock() {
  let time = 0;
  let seq = 0;
  const timers: { at: number; id: number; task: () => void }[] = [];
  const earliest = () => timers.sort((a, b) => a.at - b.at || a.id - b.id).shift();
  const clock: ScannerClock = {
    now: () => time,
    later: (task, ms) => {
      const id = (seq += 1);
      timers.push({ at: time + ms, id, task });
      return () => {
        const at = timers.findIndex((t) => t.id === id);
        if (at >= 0) timers.splice(at, 1);
      };
    },
  };
  return {
    clock,
    now: () => time,
    pending: () => timers.length,
    next(): boolean {
      const timer = earliest();
      if (!timer) return false;
      time = Math.max(time, timer.at);
      timer.task();
      return true;
    },
    /** Runs every timer due within `ms`, letting messages and mutations through after each. */
    async advance(ms: number): Promise<void> {
      const end = time + ms;
      for (;;) {
        await turn();
        const first = timers.sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (!first || first.at > end) break;
        this.next();
      }
      time = end;
      await turn();
    },
  };
}

/** One turn of the event loop: mutation records and resolved messages are delivered by then. */
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** lib/dom/observe's work runs right after the mutations, not when the browser is idle. */
const soon: Scheduler = (task) => {
  let live = true;
  queueMicrotask(() => live && task(() => 50));
  return () => {
    live = false;
  };
};

let time = manualClock();
/** Runs the scanner's timers until none is left: every batch, retry and health report is out. */
async function settle(): Promise<void> {
  for (let i = 0; i < 500; i++) {
    await turn();
    if (time.next()) continue;
    await turn();
    if (time.pending() === 0) return;
  }
  throw new Error('the scanner never settled');
}
function start(adapter: SiteAdapter, signal: AbortSignal, filter: BrandFilter, extra: ScannerOptions = {}): void {
  startPostScanner(adapter, signal, { filter, clock: time.clock, observeScheduler: soon, ...extra });
}

/** happy-dom's own handle on the window, to put the page at an x.com URL. */
function setUrl(url: string): void {
  const happy: unknown = Reflect.get(window, 'happyDOM');
  const setURL: unknown = typeof happy === 'object' && happy !== null ? Reflect.get(happy, 'setURL') : undefined;
  if (typeof setURL !== 'function') throw new Error('not running in happy-dom');
  Reflect.apply(setURL, happy, [url]);
}


describe('startPostScanner reporting', () => {
  let scope: AbortController;
  beforeEach(() => {
    sent.length = 0;
    channel.attempts.length = 0;
    channel.failNext = 0;
    channel.verdict = (key) => ({ key });
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    time = manualClock();
    channel.now = time.now;
    scope = new AbortController();
    setUrl('https://x.com/home');
  });
  afterEach(() => {
    scope.abort();
    vi.restoreAllMocks();
  });

  it('reports health with no posts when the page has post-like articles but none is recognised', async () => {
    const cells = makeTweets(4, (i) => `hello ${i}`).map(tweetCell).join('');
    document.body.innerHTML = `<main role="main"><div>${cells.replace(/ data-testid="[^"]*"/g, '')}</div></main>`;
    start(xAdapter, scope.signal, noBrands());
    await settle();
    expect(sent).toEqual([
      { name: 'postsSeen', data: { page: { site: 'x', pageKind: 'home', url: 'https://x.com/home' }, posts: [], recognised: 0, candidates: 4, extractionFailures: 0 } },
    ]);
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(0);
  });

  it('reports an empty page once, and a healthy page through its batch alone', async () => {
    document.body.innerHTML = '<main role="main"><p>nothing here</p></main>';
    start(xAdapter, scope.signal, noBrands());
    await settle();
    expect(sent.map((m) => m.data)).toMatchObject([{ posts: [], recognised: 0, candidates: 0 }]);

    scope.abort();
    scope = new AbortController();
    sent.length = 0;
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${makeTweets(3, (i) => `@acme hi ${i}`).map(tweetCell).join('')}</div></main>`;
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter);
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.data).toMatchObject({ recognised: 3, candidates: 3, extractionFailures: 0 });
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(3);
  });

  it('reports again after the page changes and settles', async () => {
    document.body.innerHTML = '<main role="main"><div id="t"></div></main>';
    start(xAdapter, scope.signal, noBrands());
    await settle();
    const drifted = makeTweets(3, (i) => `late ${i}`, 1760000000000000000n).map(tweetCell).join('').replace(/ data-testid="[^"]*"/g, '');
    document.getElementById('t')?.insertAdjacentHTML('beforeend', drifted);
    await settle();
    expect(sent.map((m) => m.data)).toMatchObject([{ posts: [], candidates: 0 }, { posts: [], candidates: 3 }]);
  });

  it('marks every post but sends only those that may mention a brand; health counts them all', async () => {
    const tweets = makeTweets(6, (i) => (i % 3 === 0 ? `Hey @acme, order ${i} is late` : `lunch photo ${i}`), 1761000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter);
    await settle();
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(6);
    const batches = sent.map((m) => m.data as { posts: { key: string; text: string }[]; recognised: number });
    expect(batches.flatMap((b) => b.posts.map((p) => p.key))).toEqual([`x:${tweets[0]?.id}`, `x:${tweets[3]?.id}`]);
    expect(batches.flatMap((b) => b.posts.map((p) => p.text))).toEqual([tweets[0]?.text, tweets[3]?.text]);
    expect(batches.reduce((n, b) => n + b.recognised, 0)).toBe(6);
  });

  it('marks priorities from verdicts one by one: a verdict the page cannot read costs only its own post', async () => {
    const tweets = makeTweets(3, (i) => `Hey @acme, order ${i} is late`, 1761500000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    const unreadable = `x:${tweets[1]?.id}`;
    channel.verdict = (key) => (key === unreadable ? { key, priority: 'urgent' } : { key, priority: 70 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter);
    await settle();
    const priorities = [...document.querySelectorAll('article')].map((a) => a.getAttribute('data-replyline-priority'));
    expect(priorities).toEqual(['70', null, '70']);
    expect(sent).toHaveLength(1); // not sent again: the batch itself was answered
    expect(warn).toHaveBeenCalledWith('[replyline] a verdict the page cannot read', expect.anything());
  });

  it('finds a mention at the very start of a post whose markup has no whitespace between parts (as on X)', async () => {
    const tweets = makeTweets(3, (i) => ['Acme lost my order', '@AcmeHelp where is it?', 'lunch photo'][i] ?? '', 1765000000000000000n);
    // X's markup has no text between elements: textContent runs "·1h" into "Acme lost…".
    const cells = tweets.map(tweetCell).join('').replace(/>\s+</g, '><');
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${cells}</div></main>`;
    expect(document.querySelector('article')?.textContent).toContain('1hAcme lost');
    const brand = BrandProfileSchema.parse({ id: 'acme', name: 'Acme', handles: ['acme', 'AcmeHelp'], names: ['Acme'], createdAt: 0, updatedAt: 0 });
    start(xAdapter, scope.signal, testFilter(compileMatcher([brand], { prefilter: true })).filter);
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
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme]), ['acme']).filter);
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
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme]), ['acme']).filter);
    await settle();
    expect(posts()).toEqual([]);
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(4);
  });

  it('does not read a post again when only our badge was added to it', async () => {
    const tweets = makeTweets(2, (i) => `Hey @acme, order ${i} is late`, 1764000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    let peeks = 0;
    const counting = { ...xAdapter, peekKey: (el: Element) => ((peeks += 1), xAdapter.peekKey(el)) };
    start(counting, scope.signal, testFilter(compileMatcher([acme])).filter);
    await settle();
    expect(peeks).toBe(2);
    const line = document.querySelector('[data-testid="User-Name"]');
    line?.appendChild(document.createElement('replyline-badge'));
    // Any other element added to the post is read again (text may have changed with it).
    line?.appendChild(document.createElement('span'));
    await settle();
    expect(peeks).toBe(3);
  });

  it("hands a possible mention's key read to its extraction, so the adapter can reuse what it found", async () => {
    const tweets = makeTweets(3, (i) => (i === 1 ? 'lovely weather' : `@acme order ${i} is late`), 1765000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    const peeks: unknown[] = [];
    const handed: unknown[] = [];
    const watching: SiteAdapter = {
      ...xAdapter,
      peekKey: (el) => {
        const peek = xAdapter.peekKey(el);
        peeks.push(peek);
        return peek;
      },
      extract: (el, now, peeked) => {
        handed.push(peeked);
        return xAdapter.extract(el, now, peeked);
      },
    };
    start(watching, scope.signal, testFilter(compileMatcher([acme])).filter);
    await settle();
    expect(handed).toHaveLength(2);
    // The very answers the key reads gave for the two mentions (posts 0 and 2), not copies.
    expect(handed[0]).toBe(peeks[0]);
    expect(handed[1]).toBe(peeks[2]);
  });

  /** The X adapter, with reading each post's key taking `msPerPost` of the scanner's clock. */
  function slowReads(msPerPost: number) {
    let spent = 0;
    let peeks = 0;
    const adapter: SiteAdapter = {
      ...xAdapter,
      peekKey: (el) => {
        spent += msPerPost;
        peeks += 1;
        return xAdapter.peekKey(el);
      },
    };
    const clock: ScannerClock = { now: () => time.now() + spent, later: (task, ms) => time.clock.later(task, ms) };
    return { adapter, clock, peeks: () => peeks };
  }

  const giant = (tweets: ReturnType<typeof makeTweets>) => {
    const feed = document.createElement('div');
    feed.innerHTML = tweets.map(tweetCell).join('');
    return feed;
  };
  const marked = (root: ParentNode) => root.querySelectorAll('[data-replyline-post]').length;
  const sentKeys = () => sent.flatMap((m) => (m.data as { posts: { key: string }[] }).posts.map((p) => p.key));

  it('reads a giant subtree over several tasks within the budget, every post of it, even those removed meanwhile', async () => {
    document.body.innerHTML = '<main role="main"><div data-testid="primaryColumn"></div></main>';
    const slow = slowReads(1);
    startPostScanner(slow.adapter, scope.signal, { filter: testFilter(compileMatcher([acme])).filter, clock: slow.clock, observeScheduler: soon });
    const count = BIG_SUBTREE_POSTS * 3;
    const tweets = makeTweets(count, (i) => (i % 4 === 0 ? `@acme order ${i} is late` : `nice day ${i}`), 1771000000000000000n);
    const feed = giant(tweets);
    document.querySelector('[data-testid="primaryColumn"]')?.append(feed);
    await turn();
    // The observer's callback stopped once its budget was spent (the clock is read after every post).
    expect(marked(feed)).toBeGreaterThan(FIRST_READ_BUDGET_MS);
    expect(marked(feed)).toBeLessThanOrEqual(FIRST_READ_BUDGET_MS + 1);
    // The site drops the whole feed before the rest is read: held by reference, it is read detached.
    feed.remove();
    await settle();
    expect(marked(feed)).toBe(count);
    expect(slow.peeks()).toBe(count);
    expect(sentKeys().sort()).toEqual(tweets.filter((_, i) => i % 4 === 0).map((t) => `x:${t.id}`).sort());
  });

  it('reads timeline rows at once whatever they cost: X may swap a row before a later task', async () => {
    document.body.innerHTML = '<main role="main"><div data-testid="primaryColumn"></div></main>';
    const slow = slowReads(5);
    startPostScanner(slow.adapter, scope.signal, { filter: testFilter(compileMatcher([acme])).filter, clock: slow.clock, observeScheduler: soon });
    const column = document.querySelector('[data-testid="primaryColumn"]');
    column?.insertAdjacentHTML('beforeend', makeTweets(BIG_SUBTREE_POSTS, (i) => `nice day ${i}`, 1772000000000000000n).map(tweetCell).join(''));
    await turn();
    expect(marked(document)).toBe(BIG_SUBTREE_POSTS);
  });

  it('reads the posts still waiting when the page goes away, and sends them with the rest', async () => {
    document.body.innerHTML = '<main role="main"><div data-testid="primaryColumn"></div></main>';
    const slow = slowReads(1);
    startPostScanner(slow.adapter, scope.signal, { filter: testFilter(compileMatcher([acme])).filter, clock: slow.clock, observeScheduler: soon });
    const tweets = makeTweets(BIG_SUBTREE_POSTS * 2, (i) => `@acme order ${i} is late`, 1773000000000000000n);
    const feed = giant(tweets);
    document.querySelector('[data-testid="primaryColumn"]')?.append(feed);
    await turn();
    expect(marked(feed)).toBeLessThan(tweets.length);
    window.dispatchEvent(new Event('pagehide'));
    expect(marked(feed)).toBe(tweets.length);
    await turn();
    expect(sentKeys()).toEqual(tweets.map((t) => `x:${t.id}`));
  });

  it('marks posts before the brands arrive, then reads them again with the matcher, and again on a brand change', async () => {
    const tweets = makeTweets(4, (i) => (i === 1 ? 'my Globex blender broke' : `@acme help ${i}`), 1762000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    const driven = testFilter(undefined);
    start(xAdapter, scope.signal, driven.filter);
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
    start(adapter, scope.signal, testFilter(compileMatcher([acme])).filter);
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

  it('sends the first mention after a quiet spell at once, gathers a stream into fewer messages, and sends when it pauses', async () => {
    const tweets = makeTweets(40, (i) => `@acme order ${i} is late`, 1764000000000000000n);
    document.body.innerHTML = '<main role="main"><div data-testid="primaryColumn" id="t"></div></main>';
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter);
    const add = (i: number) => document.getElementById('t')?.insertAdjacentHTML('beforeend', tweetCell(tweets[i]!));
    const batches = () => sent.map((m) => (m.data as { posts: unknown[] }).posts).filter((posts) => posts.length > 0);
    await time.advance(50);
    add(0);
    await time.advance(400);
    expect(batches()).toHaveLength(1); // quiet page: out within the short delay
    // A flick: a mention every 200 ms for 6 s (never a pause of STREAM_PAUSE_MS).
    for (let i = 1; i <= 30; i++) {
      add(i);
      await time.advance(200);
    }
    // 6 s of posts in one message, not one per short delay.
    expect(batches()).toHaveLength(2);
    expect(batches()[1]?.length).toBeGreaterThanOrEqual(20);
    // The agent stops scrolling: the rest goes once the page has been quiet for the pause.
    await time.advance(STREAM_PAUSE_MS - 200 - 1);
    expect(batches()).toHaveLength(2);
    await time.advance(2);
    expect(batches()).toHaveLength(3);
    expect(batches().flat()).toHaveLength(31);
  });

  it.each([1, 3, 9])('keeps each batch until the background takes it: %i failed sends, every mention queued exactly once', async (failures) => {
    const tweets = makeTweets(12, (i) => (i % 4 === 3 ? `lunch ${i}` : `@acme order ${i} is late`), 1766000000000000000n);
    const mentions = tweets.filter((t) => t.text.includes('@acme')).map((t) => `x:${t.id}`);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn" id="t">${tweets.slice(0, 6).map(tweetCell).join('')}</div></main>`;
    channel.failNext = failures; // the service worker is asleep for this many sends
    const onSendFailed = vi.fn();
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter, { onSendFailed });
    await time.advance(1000);
    // While the worker is away, X drops the rows already read and new ones stream in.
    for (const article of [...document.querySelectorAll('article')].slice(0, 3)) article.remove();
    document.getElementById('t')?.insertAdjacentHTML('beforeend', tweets.slice(6).map(tweetCell).join(''));
    await settle();
    const taken = sent.flatMap((m) => (m.data as { posts: { key: string }[] }).posts.map((p) => p.key));
    expect([...taken].sort()).toEqual([...mentions].sort());
    expect(onSendFailed).toHaveBeenCalledTimes(failures);
    // Backoff: each retry waits longer than the one before, up to the last delay.
    const waits = channel.attempts.slice(1, failures + 1).map((at, i) => at - (channel.attempts[i] ?? 0));
    expect(waits).toEqual(RETRY_DELAYS_MS.slice(0, failures).concat(Array(Math.max(0, failures - RETRY_DELAYS_MS.length)).fill(RETRY_DELAYS_MS.at(-1))));
    // Health counts of the failed sends are not lost either: every post read is counted once.
    expect(sent.reduce((n, m) => n + (m.data as { recognised: number }).recognised, 0)).toBe(12);
  });

  it('starts clean after an extension update: an earlier copy\'s priority marks and badges are removed', async () => {
    const tweets = makeTweets(2, (i) => (i === 0 ? '@acme still broken' : 'just lunch'), 1765000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    for (const article of document.querySelectorAll('article')) {
      article.setAttribute('data-replyline-priority', '80');
      article.append(document.createElement('replyline-badge'));
    }
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter);
    expect(document.querySelectorAll('[data-replyline-priority], replyline-badge')).toHaveLength(0);
    await settle();
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(2);
  });

  it("reads a Facebook post whole only when its own words name the brand, not when only a comment under it does", async () => {
    setUrl('https://www.facebook.com/');
    const unit = (id: string, text: string, commentText: string): FakeFbPost => ({
      id,
      page: 'friend.one',
      author: 'Friend One',
      text,
      createdAt: 'November 20, 2026 at 10:00 AM',
      comments: [{ id: `${id}1`, author: 'Pal', profile: 'pal.one', text: commentText }],
    });
    const posts = [unit('1000001', 'Sourdough attempt five', 'Acme lost my order'), unit('1000002', 'Acme charged me twice', 'Nice bread')];
    document.body.innerHTML = `<div role="feed">${posts.map(fbPost).join('')}</div>`;
    const extracted: string[] = [];
    const watching: SiteAdapter = {
      ...facebookAdapter,
      extract: (el, now, peeked, text) => {
        const result = facebookAdapter.extract(el, now, peeked, text);
        if (result.ok) extracted.push(result.post.key);
        return result;
      },
    };
    // The page's own matcher: a whole textContent runs an author's name into the text.
    start(watching, scope.signal, testFilter(compileMatcher([acme], { prefilter: true })).filter);
    await settle();
    // The first post's comment and the second post: never the first post for its comment's words.
    const keys = sent.flatMap((m) => (m.data as { posts: { key: string }[] }).posts.map((p) => p.key));
    expect(keys.sort()).toEqual(['facebook:10000011', 'facebook:1000002']);
    expect(extracted.sort()).toEqual(['facebook:10000011', 'facebook:1000002']);
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(4);
  });
});

describe('startPostScanner on a post it cannot read', () => {
  it('counts and logs the failure, and reads every neighbour', async () => {
    sent.length = 0;
    channel.failNext = 0;
    time = manualClock();
    const scope = new AbortController();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tweets = makeTweets(5, (i) => `@acme order ${i} is late`, 1767000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    const overflow = new RangeError('Maximum call stack size exceeded');
    // Post 1 plays markup nested deeper than any walk survives.
    const hostile = { ...xAdapter, extract: (el: Element, now: number) => (el.textContent?.includes('order 1 ') ? (() => { throw overflow; })() : xAdapter.extract(el, now)) };
    start(hostile, scope.signal, testFilter(compileMatcher([acme])).filter);
    await settle();
    const keys = sent.flatMap((m) => (m.data as { posts: { key: string }[] }).posts.map((p) => p.key));
    expect(keys).toEqual([0, 2, 3, 4].map((i) => `x:${tweets[i]?.id}`));
    expect(sent.reduce((n, m) => n + (m.data as { extractionFailures: number }).extractionFailures, 0)).toBe(1);
    expect(warn.mock.calls.some((call) => call.includes(overflow))).toBe(true);
    warn.mockRestore();
    scope.abort();
  });
});

describe('startPostScanner once stopped', () => {
  it('reads and sends nothing more, and leaves no timer behind', async () => {
    sent.length = 0;
    channel.failNext = 0;
    time = manualClock();
    const scope = new AbortController();
    const tweets = makeTweets(4, (i) => `@acme order ${i} is late`, 1768000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn" id="t">${tweetCell(tweets[0]!)}</div></main>`;
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter);
    await settle();
    expect(sent).toHaveLength(1);
    // The extension was updated: a post arrives, then the copy stops before its batch goes out.
    document.getElementById('t')?.insertAdjacentHTML('beforeend', tweetCell(tweets[1]!));
    await turn();
    scope.abort();
    document.getElementById('t')?.insertAdjacentHTML('beforeend', tweets.slice(2).map(tweetCell).join(''));
    await turn();
    expect(time.pending()).toBe(0);
    await settle();
    expect(sent).toHaveLength(1);
    expect(document.querySelectorAll('[data-replyline-post]')).toHaveLength(2);
  });
});

describe('startPostScanner on a timeline that drops rows quickly', () => {
  it('sends every mention exactly once though its row was removed before any idle or batch tick', async () => {
    sent.length = 0;
    channel.attempts.length = 0;
    channel.failNext = 0;
    time = manualClock();
    channel.now = time.now;
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const scope = new AbortController();
    setUrl('https://x.com/search?q=acme');
    // The browser is never idle: observe's chunks wait until the test lets them run.
    const held: ((timeLeft: () => number) => void)[] = [];
    const hold: Scheduler = (task) => {
      held.push(task);
      return () => held.splice(held.indexOf(task), 1);
    };
    const runHeld = () => {
      for (const task of held.splice(0)) task(() => 50);
    };
    const tweets = makeTweets(60, (i) => (i % 3 === 0 ? `@acme order ${i} is late` : `lunch photo ${i}`), 1769000000000000000n);
    document.body.innerHTML = '<main role="main"><div data-testid="primaryColumn" id="t"></div></main>';
    const list = document.getElementById('t');
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter, { observeScheduler: hold });
    for (let at = 0; at < tweets.length; at += 20) {
      list?.insertAdjacentHTML('beforeend', tweets.slice(at, at + 20).map(tweetCell).join(''));
      await turn(); // the additions' records are in; their chunk is not
      // Rows of even batches leave the page before any chunk ran; odd batches' rows are read first.
      if ((at / 20) % 2 === 1) runHeld();
      for (const row of [...(list?.children ?? [])]) row.remove();
      await turn();
    }
    runHeld();
    await settle();
    const keys = sent.flatMap((m) => (m.data as { posts: { key: string }[] }).posts.map((p) => p.key));
    const mentions = tweets.filter((_, i) => i % 3 === 0).map((t) => `x:${t.id}`);
    expect(keys.toSorted()).toEqual(mentions.toSorted());
    scope.abort();
  });

  it('keeps a thread reply\'s link to the brand\'s post though its row is removed before any idle tick', async () => {
    sent.length = 0;
    time = manualClock();
    channel.now = time.now;
    const scope = new AbortController();
    const [focal, ...replies] = makeTweets(4, (i) => (i === 0 ? 'Our winter boots are here' : `where is my order ${i}?`), 1770000000000000000n);
    if (!focal) throw new Error('no tweets');
    setUrl(`https://x.com/acme/status/${focal.id}`);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn" id="t">${tweetCell({ ...focal, handle: 'acme' })}</div></main>`;
    // The browser is never idle: nothing queued for idle time ever runs.
    const never: Scheduler = () => () => undefined;
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme]), ['acme']).filter, { observeScheduler: never });
    const list = document.getElementById('t');
    list?.insertAdjacentHTML('beforeend', replies.map(tweetCell).join(''));
    await turn(); // the additions' records are in
    for (const row of [...(list?.querySelectorAll('article') ?? [])].slice(1)) row.remove();
    await settle();
    const posts = sent.flatMap((m) => (m.data as { posts: { key: string; threadOwner?: string }[] }).posts);
    // Replies name no brand: only their place under @acme's post makes them mentions.
    expect(posts.filter((p) => p.key !== `x:${focal.id}`).map((p) => [p.key, p.threadOwner])).toEqual(replies.map((r) => [`x:${r.id}`, 'acme']));
    scope.abort();
  });

  it('sends what was read when the page is hidden, and again if the page stays', async () => {
    sent.length = 0;
    channel.attempts.length = 0;
    channel.failNext = 0;
    time = manualClock();
    channel.now = time.now;
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const scope = new AbortController();
    setUrl('https://x.com/home');
    const tweets = makeTweets(3, (i) => `@acme order ${i} is late`, 1770000000000000000n);
    document.body.innerHTML = `<main role="main"><div data-testid="primaryColumn">${tweets.map(tweetCell).join('')}</div></main>`;
    channel.failNext = 1; // the first attempt (on pagehide) does not arrive: the page was kept
    start(xAdapter, scope.signal, testFilter(compileMatcher([acme])).filter);
    await turn();
    expect(channel.attempts).toHaveLength(0); // the batch timer has not fired yet
    window.dispatchEvent(new Event('pagehide'));
    await turn();
    expect(channel.attempts).toHaveLength(1);
    await settle();
    const keys = sent.flatMap((m) => (m.data as { posts: { key: string }[] }).posts.map((p) => p.key));
    expect(keys).toEqual(tweets.map((t) => `x:${t.id}`));
    scope.abort();
  });
});
