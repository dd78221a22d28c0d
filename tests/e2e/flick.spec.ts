/**
 * A flick scroll through X search results: X virtualises its timeline, appending rows in batches
 * and dropping each row about 200 ms after it appeared, often before an idle callback could read
 * it. Every mention that was in the page must still reach the queue, exactly once.
 */
import { test, expect } from './support/extension';
import { createBrand } from './support/panel';
import { readStore } from './support/store';
import { queueKeys, streamScripts, streamState } from './support/stream';
import { makeTweets, tweetCell, xPage } from './support/xPage';

const POSTS = 400;
/** 20 rows every 100 ms: 200 posts/s. */
const CHUNK = 20;
const CHUNK_EVERY_MS = 100;
/** Rows are removed two ticks after they came (~200 ms), so at most 40 are in the page. */
const KEEP_TICKS = 2;
const mentions = (i: number) => [0, 7, 14].includes(i % 20);

/** X's own script: each tick drops the rows added KEEP_TICKS ticks ago, then appends the next CHUNK. */
function flickPage(base: bigint): { html: string; keys: string[] } {
  const tweets = makeTweets(POSTS, (i) => (mentions(i) ? `@acme order #${7000 + i} never arrived` : `lunch photo ${i} with friends`), base);
  const stream = streamScripts(tweets.map(tweetCell), { container: '#timeline', chunk: CHUNK, everyMs: CHUNK_EVERY_MS, keepTicks: KEEP_TICKS });
  const html = xPage([]).replace('</body>', `${stream}</body>`);
  return { html, keys: tweets.filter((_, i) => mentions(i)).map((t) => `x:${t.id}`) };
}

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
