/**
 * A flick scroll through X search results: X virtualises its timeline, appending rows in batches
 * and dropping each row about 200 ms after it appeared, often before an idle callback could read
 * it. Every mention that was in the page must still reach the queue, exactly once.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { createBrand } from './support/panel';
import { readStore } from './support/store';
import { makeTweets, tweetCell, xPage } from './support/xPage';

const POSTS = 400;
/** 20 rows every 100 ms: 200 posts/s. */
const CHUNK = 20;
const CHUNK_EVERY_MS = 100;
/** Rows are removed two ticks after they came (~200 ms), so at most 40 are in the page. */
const KEEP_TICKS = 2;
const mentions = (i: number) => [0, 7, 14].includes(i % 20);

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

interface StreamState {
  appended: number;
  removed: number;
  maxInPage: number;
  done: boolean;
}

/** X's own script: each tick drops the rows added KEEP_TICKS ticks ago, then appends the next CHUNK. */
function flickPage(base: bigint): { html: string; keys: string[] } {
  const tweets = makeTweets(POSTS, (i) => (mentions(i) ? `@acme order #${7000 + i} never arrived` : `lunch photo ${i} with friends`), base);
  const cells = tweets.map(tweetCell);
  const script = `
    const cells = JSON.parse(document.getElementById('cells').textContent);
    const timeline = document.getElementById('timeline');
    const rl = (window.__rl = { appended: 0, removed: 0, maxInPage: 0, done: false });
    const ticks = [];
    const tick = () => {
      if (ticks.length >= ${KEEP_TICKS} || rl.appended >= cells.length) {
        for (const row of ticks.shift() ?? []) row.remove(), (rl.removed += 1);
      }
      if (rl.appended < cells.length) {
        const before = timeline.children.length;
        timeline.insertAdjacentHTML('beforeend', cells.slice(rl.appended, rl.appended + ${CHUNK}).join(''));
        ticks.push([...timeline.children].slice(before));
        rl.appended = Math.min(cells.length, rl.appended + ${CHUNK});
      }
      rl.maxInPage = Math.max(rl.maxInPage, timeline.children.length);
      if (ticks.length > 0) setTimeout(tick, ${CHUNK_EVERY_MS});
      else rl.done = true;
    };
    addEventListener('load', () => setTimeout(tick, ${CHUNK_EVERY_MS}));`;
  const html = xPage([], script).replace('<script>', `<script type="application/json" id="cells">${scriptJson(cells)}</script><script>`);
  return { html, keys: tweets.filter((_, i) => mentions(i)).map((t) => `x:${t.id}`) };
}

const streamState = (page: Page): Promise<StreamState> => page.evaluate(() => (window as unknown as { __rl: StreamState }).__rl);

const queueKeys = (rows: unknown[]): string[] =>
  rows.flatMap((r) => {
    const key: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, 'key') : undefined;
    return typeof key === 'string' ? [key] : [];
  });

test(`a flick scroll at 200 posts/s with rows removed after ~200 ms loses none of its mentions`, async ({ context, sitePages, openPanel }) => {
  test.setTimeout(60_000);
  const { html, keys } = flickPage(1773000000000000000n);
  sitePages.set('/search', html);
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: 'acme', names: 'Acme' });

  const site = await context.newPage();
  await site.goto('https://x.com/search?q=acme');
  await expect.poll(async () => (await streamState(site)).done, { timeout: 20_000 }).toBe(true);

  const expected = new Set(keys);
  const queued = async () => queueKeys(await readStore(panel, 'queue')).filter((k) => expected.has(k)).length;
  // Figures are printed either way: a timeout here means mentions were lost, reported below.
  await expect.poll(queued, { timeout: 15_000, intervals: [250] }).toBe(keys.length).catch(() => undefined);

  const rows = queueKeys(await readStore(panel, 'queue')).filter((k) => expected.has(k));
  const lost = keys.filter((k) => !rows.includes(k)).length;
  const state = await streamState(site);
  console.log(`[flick] mentions ${keys.length}, queued ${rows.length}, lost ${lost}`);
  expect(state).toMatchObject({ appended: POSTS, removed: POSTS });
  expect(state.maxInPage).toBeLessThanOrEqual(CHUNK * KEEP_TICKS);
  expect(keys).toHaveLength(60);
  expect(lost).toBe(0);
  expect(rows).toHaveLength(keys.length); // each exactly once
});
