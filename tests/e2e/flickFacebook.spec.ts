/**
 * The Facebook side of the flick scroll: feed units arrive in batches with their comments already
 * inside, and each unit is dropped about 200 ms after it appeared (Facebook swaps far-off units for
 * placeholders). Every mention, in a post's text or in one of its comments, must reach the queue
 * exactly once though its element is gone.
 */
import { test, expect } from './support/extension';
import { fbPage, fbPost, type FakeFbPost } from './support/fbPage';
import { createBrand } from './support/panel';
import { readStore } from './support/store';
import { queueKeys, streamScripts, streamState } from './support/stream';

const POSTS = 150;
/** 10 units (30 posts and comments) every 100 ms. */
const CHUNK = 10;
const CHUNK_EVERY_MS = 100;
/** Units are removed two ticks after they came (~200 ms), so at most 20 are in the page. */
const KEEP_TICKS = 2;
const postMentions = (i: number) => i % 10 === 0 || i % 10 === 5;
const commentMentions = (i: number) => i % 10 === 3;

function feedUnits(): { units: FakeFbPost[]; keys: string[] } {
  const units = Array.from({ length: POSTS }, (_, i): FakeFbPost => ({
    id: String(5_000_000 + i),
    page: `friend.${i}`,
    author: `Friend ${i}`,
    text: postMentions(i) ? `Acme lost my order #${7000 + i}, nobody answers` : `Weekend hike number ${i}`,
    createdAt: 'November 20, 2026 at 10:00 AM',
    comments: [
      { id: String(8_000_000 + 2 * i), author: `Pal ${i}`, profile: `pal.${i}`, text: commentMentions(i) ? `Acme charged me twice for ${i} items` : `Nice one ${i}` },
      { id: String(8_000_000 + 2 * i + 1), author: `Kin ${i}`, profile: `kin.${i}`, text: `See you soon ${i}` },
    ],
  }));
  const keys = units.flatMap((u, i) => [
    ...(postMentions(i) ? [`facebook:${u.id}`] : []),
    ...(commentMentions(i) ? [`facebook:${u.comments[0]!.id}`] : []),
  ]);
  return { units, keys };
}

/** Facebook's own script: each tick drops the units added KEEP_TICKS ticks ago, then appends the next CHUNK. */
function flickFeed(): { html: string; keys: string[] } {
  const { units, keys } = feedUnits();
  const stream = streamScripts(units.map(fbPost), { container: '[role=feed]', chunk: CHUNK, everyMs: CHUNK_EVERY_MS, keepTicks: KEEP_TICKS });
  return { html: fbPage([]).replace('</body>', `${stream}</body>`), keys };
}

test('a flick through the Facebook feed with units removed after ~200 ms loses no mention in posts or comments', async ({ context, sitePages, openPanel }) => {
  test.setTimeout(60_000);
  const { html, keys } = flickFeed();
  sitePages.set('/', html);
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: 'AcmeBakery', names: 'Acme' });

  const site = await context.newPage();
  await site.goto('https://www.facebook.com/');
  await expect.poll(async () => (await streamState(site)).done, { timeout: 20_000 }).toBe(true);

  const expected = new Set(keys);
  const queued = async () => queueKeys(await readStore(panel, 'queue')).filter((k) => expected.has(k)).length;
  // Figures are printed either way: a timeout here means mentions were lost, reported below.
  await expect.poll(queued, { timeout: 15_000, intervals: [250] }).toBe(keys.length).catch(() => undefined);

  const all = queueKeys(await readStore(panel, 'queue'));
  const rows = all.filter((k) => expected.has(k));
  const lost = keys.filter((k) => !rows.includes(k));
  const state = await streamState(site);
  console.log(`[flick facebook] mentions ${keys.length}, queued ${rows.length}, lost ${lost.length}`);
  expect(state).toMatchObject({ appended: POSTS, removed: POSTS });
  expect(state.maxInPage).toBeLessThanOrEqual(CHUNK * KEEP_TICKS);
  expect(keys).toHaveLength(45);
  expect(lost).toEqual([]);
  expect(rows).toHaveLength(keys.length); // each exactly once
  expect(all.filter((k) => !expected.has(k))).toEqual([]); // nothing that names no brand
});
