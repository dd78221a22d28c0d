/**
 * Chrome stops idle MV3 service workers in normal use, and may stop one mid-message. Here the
 * worker is stopped through CDP every few posts while 300 X posts naming the brand stream into the
 * page (each stop waits for the page's own progress counter and for the browser to report the
 * worker running again); every post must reach the queue exactly once (the content script keeps
 * each batch until the background acknowledges it, and ingest is idempotent).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { createBrand } from './support/panel';
import { readStore } from './support/store';
import { makeTweets, tweetCell, xPage } from './support/xPage';

const POSTS = 300;
const CHUNK = 10;
/** The page's own pace (X's script); the test never waits for time, only for the page's counter and the worker's reports. */
const CHUNK_EVERY_MS = 200;

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

interface StreamState {
  appended: number;
  done: boolean;
}

/** A timeline that X's own script fills, CHUNK rows at a time, once the page has loaded. */
function streamingPage(base: bigint): { html: string; keys: string[] } {
  const tweets = makeTweets(POSTS, (i) => `@acme order #${5000 + i} still has not shipped, day ${(i % 9) + 2}`, base);
  const cells = tweets.map(tweetCell);
  const script = `
    const cells = JSON.parse(document.getElementById('cells').textContent);
    const timeline = document.getElementById('timeline');
    const rl = (window.__rl = { appended: 0, done: false });
    const tick = () => {
      timeline.insertAdjacentHTML('beforeend', cells.slice(rl.appended, rl.appended + ${CHUNK}).join(''));
      rl.appended = Math.min(cells.length, rl.appended + ${CHUNK});
      if (rl.appended < cells.length) setTimeout(tick, ${CHUNK_EVERY_MS});
      else rl.done = true;
    };
    addEventListener('load', () => setTimeout(tick, ${CHUNK_EVERY_MS}));`;
  const html = xPage([], script).replace('<script>', `<script type="application/json" id="cells">${scriptJson(cells)}</script><script>`);
  return { html, keys: tweets.map((t) => `x:${t.id}`) };
}

const streamState = (page: Page): Promise<StreamState> => page.evaluate(() => (window as unknown as { __rl: StreamState }).__rl);

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

/**
 * The extension's service worker as the browser reports it over the DevTools protocol
 * (`ServiceWorker.workerVersionUpdated`): its running status, how many times it really went from
 * running to stopped, and a way to wait for either. `stop` stops it as Chrome stops an idle worker;
 * the next message starts it again.
 */
async function workerWatch(context: BrowserContext, via: Page, extensionId: string) {
  const session = await context.newCDPSession(via);
  const status = new Map<string, RunningStatus>();
  let stops = 0;
  const waiters = new Set<() => void>();
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
      const before = status.get(v.versionId);
      if (v.runningStatus === 'stopped' && before !== undefined && before !== 'stopped') stops += 1;
      status.set(v.versionId, v.runningStatus);
    }
    for (const wake of [...waiters]) wake();
  });
  const running = () => [...status.values()].includes('running');
  /** Resolves on the first report after which `check` holds (at once if it holds already). */
  const until = (check: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      if (check()) return resolve();
      const wake = () => {
        if (!check()) return;
        waiters.delete(wake);
        resolve();
      };
      waiters.add(wake);
    });
  await session.send('ServiceWorker.enable');
  return {
    stops: () => stops,
    untilRunning: () => until(running),
    /** Stops the worker and resolves once the browser reports it stopped. */
    stop: async () => {
      const before = stops;
      await session.send('ServiceWorker.stopAllWorkers');
      await until(() => stops > before);
    },
    detach: () => session.detach(),
  };
}

/** Resolves once the page has streamed at least `posts` posts (or all of them): its own counter, read on each chunk. */
const streamedAtLeast = (page: Page, posts: number): Promise<StreamState> =>
  page.evaluate(
    (n) =>
      new Promise<StreamState>((resolve) => {
        const rl = (window as unknown as { __rl: StreamState }).__rl;
        const timeline = document.getElementById('timeline');
        // Every chunk is one insertion into the timeline; the counter is updated in the same task.
        const observer = new MutationObserver(() => check());
        const check = () => {
          if (rl.appended < n && !rl.done && timeline) return;
          observer.disconnect();
          resolve({ appended: rl.appended, done: rl.done });
        };
        if (timeline) observer.observe(timeline, { childList: true });
        check();
      }),
    posts,
  );

interface QueueRow {
  key: string;
  postId: string;
}
const asRows = (rows: unknown[]): QueueRow[] =>
  rows.flatMap((r) => {
    if (typeof r !== 'object' || r === null) return [];
    const key: unknown = Reflect.get(r, 'key');
    const postId: unknown = Reflect.get(r, 'postId');
    return typeof key === 'string' ? [{ key, postId: typeof postId === 'string' ? postId : key.replace(/^x:/, '') }] : [];
  });

for (const [stopEvery, base] of [
  [CHUNK, 1771000000000000000n],
  [4 * CHUNK, 1772000000000000000n],
] as const) {
  test(`stopping the service worker each time it is back and ${stopEvery} more posts streamed loses and duplicates none of ${POSTS} mentions`, async ({ context, sitePages, openPanel, extensionId }) => {
    test.setTimeout(60_000);
    const { html, keys } = streamingPage(base);
    sitePages.set('/home', html);
    const panel = await openPanel();
    await createBrand(panel, { name: 'Acme', handles: 'acme', names: 'Acme' });

    let failedSends = 0;

    const site = await context.newPage();
    site.on('console', (message) => {
      if (message.text().includes('postsSeen failed')) failedSends += 1;
    });
    const worker = await workerWatch(context, panel, extensionId);
    await site.goto('https://x.com/home');

    // The stimulus: each time the page has streamed `stopEvery` more posts, stop the worker the
    // page's sends just woke. Stops only while posts still stream, so each is mid-stream and the
    // next chunk's send is what must wake the worker again.
    let stops = 0;
    for (let state = await streamedAtLeast(site, stopEvery); !state.done; state = await streamedAtLeast(site, state.appended + stopEvery)) {
      await worker.untilRunning();
      await worker.stop();
      stops += 1;
    }
    const workerStops = worker.stops();
    await worker.detach();

    const expected = new Set(keys);
    const queued = async () => asRows(await readStore(panel, 'queue')).filter((r) => expected.has(r.key)).length;
    // Figures are printed either way: a timeout here means posts were lost, reported below.
    await expect.poll(queued, { timeout: 25_000, intervals: [250] }).toBe(POSTS).catch(() => undefined);

    const rows = asRows(await readStore(panel, 'queue'));
    const perPost = new Map<string, number>();
    for (const r of rows) perPost.set(r.postId, (perPost.get(r.postId) ?? 0) + 1);
    const lost = keys.filter((k) => !rows.some((r) => r.key === k)).length;
    const duplicated = [...perPost.values()].reduce((sum, n) => sum + n - 1, 0);
    const streamed = (await streamState(site)).appended;
    console.log(
      `[workerStop every ${stopEvery} posts] posts streamed ${streamed}, queued ${rows.length}, lost ${lost}, duplicated ${duplicated}, ` +
        `worker stops requested ${stops}, worker stops seen ${workerStops}, failed sends retried ${failedSends}`,
    );
    expect(streamed).toBe(POSTS);
    // The stops must have happened, mid-stream, for the figures to mean anything: every one the
    // test asked for is one the browser reported (from running to stopped), and there were several.
    expect(workerStops).toBe(stops);
    expect(stops).toBeGreaterThanOrEqual(Math.min(3, POSTS / stopEvery - 1));
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(rows.length).toBe(POSTS);
    // The page saw every verdict, and a stopped worker is not mistaken for a reloaded extension.
    await expect.poll(() => site.locator('[data-replyline-priority]').count()).toBe(POSTS);
    expect(await site.locator('replyline-notice').count()).toBe(0);
  });
}
