/**
 * Chrome stops idle MV3 service workers in normal use, and may stop one mid-message. Here the
 * worker is stopped through CDP on a fixed cadence while 300 X posts naming the brand stream into
 * the page; every one of them must reach the queue exactly once (the content script keeps each
 * batch until the background acknowledges it, and ingest is idempotent).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { createBrand } from './support/panel';
import { readStore } from './support/store';
import { makeTweets, tweetCell, xPage } from './support/xPage';

const POSTS = 300;
const CHUNK = 10;
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

/**
 * Stops every service worker of the profile (the extension's is the only one) through the
 * DevTools protocol, as Chrome does to an idle worker; the next message starts it again.
 */
async function workerStopper(context: BrowserContext, via: Page): Promise<{ session: CDPSession; stop: () => Promise<void>; stopped: () => number }> {
  const session = await context.newCDPSession(via);
  // The browser's own record of each worker version going to "stopped": proof the stops happened.
  let stopped = 0;
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.runningStatus === 'stopped') stopped += 1;
  });
  await session.send('ServiceWorker.enable');
  return { session, stop: async () => void (await session.send('ServiceWorker.stopAllWorkers')), stopped: () => stopped };
}

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

for (const [stopEveryMs, base] of [
  [250, 1771000000000000000n],
  [700, 1772000000000000000n],
] as const) {
  test(`stopping the service worker every ${stopEveryMs} ms loses and duplicates none of ${POSTS} streamed mentions`, async ({ context, sitePages, openPanel }) => {
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
    const { session, stop, stopped } = await workerStopper(context, panel);
    await site.goto('https://x.com/home');

    // The stimulus: a stop on a fixed cadence for as long as posts stream in.
    let stops = 0;
    while (!(await streamState(site)).done) {
      await stop();
      stops += 1;
      await site.waitForTimeout(stopEveryMs);
    }
    const workerStops = stopped();
    await session.detach();

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
      `[workerStop ${stopEveryMs} ms] posts streamed ${streamed}, queued ${rows.length}, lost ${lost}, duplicated ${duplicated}, ` +
        `worker stops requested ${stops}, worker stops seen ${workerStops}, failed sends retried ${failedSends}`,
    );
    expect(streamed).toBe(POSTS);
    // The stops must have happened for the figures to mean anything.
    expect(workerStops).toBeGreaterThanOrEqual(3);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(rows.length).toBe(POSTS);
    // The page saw every verdict, and a stopped worker is not mistaken for a reloaded extension.
    await expect.poll(() => site.locator('[data-replyline-priority]').count()).toBe(POSTS);
    expect(await site.locator('replyline-notice').count()).toBe(0);
  });
}
