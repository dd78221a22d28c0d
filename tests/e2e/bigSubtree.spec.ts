/**
 * A Facebook page that inserts a whole feed (posts with their comments) in one DOM operation: the
 * content script reads a subtree this big over several tasks, each within its read budget, so the
 * page gets no long task from it, and every mention still reaches the queue exactly once, even
 * when the subtree is removed before the reading is done.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { fbPage, fbPost, type FakeFbPost } from './support/fbPage';
import { createBrand } from './support/panel';
import { readStore } from './support/store';
import { queueKeys } from './support/stream';

/** 100 units of a post and two comments: 300 posts and comments, well over the budget's 50. */
const UNITS = 100;
const ITEMS = UNITS * 3;
const BRAND_HANDLE = 'AcmeBakery';
/** The brand's own posts: their comments name no brand but answer it (its thread). */
const brandsOwn = (i: number) => i % 10 === 7;
const postMentions = (i: number) => i % 10 === 0 || i % 10 === 5;
const commentMentions = (i: number) => i % 10 === 3;

interface Feed {
  units: FakeFbPost[];
  /** Posts and comments that name the brand. */
  naming: string[];
  /** Comments in the brand's own threads that do not name it. */
  threadReplies: string[];
}

function bigFeed(): Feed {
  const units = Array.from({ length: UNITS }, (_, i): FakeFbPost => {
    const own = brandsOwn(i);
    return {
      id: String(6_000_000 + i),
      page: own ? BRAND_HANDLE : `friend.${i}`,
      author: own ? 'Acme Bakery' : `Friend ${i}`,
      text: own ? `Fresh loaves batch ${i} are out` : postMentions(i) ? `Acme lost my order #${7000 + i}, nobody answers` : `Weekend hike number ${i}`,
      createdAt: 'November 20, 2026 at 10:00 AM',
      comments: [
        { id: String(9_000_000 + 2 * i), author: `Pal ${i}`, profile: `pal.${i}`, text: commentMentions(i) ? `Acme charged me twice for ${i} items` : `Nice one ${i}` },
        { id: String(9_000_000 + 2 * i + 1), author: `Kin ${i}`, profile: `kin.${i}`, text: `See you soon ${i}` },
      ],
    };
  });
  const naming = units.flatMap((u, i) => [
    ...(postMentions(i) ? [`facebook:${u.id}`] : []),
    ...(commentMentions(i) ? [`facebook:${u.comments[0]!.id}`] : []),
  ]);
  const threadReplies = units.flatMap((u, i) => (brandsOwn(i) ? u.comments.map((c) => `facebook:${c.id}`) : []));
  return { units, naming, threadReplies };
}

/** One mention already in the page: once it is marked, the content script has the brands. */
const SENTINEL: FakeFbPost = {
  id: '5999999',
  page: 'early.bird',
  author: 'Early Bird',
  text: 'Acme forgot my croissant',
  createdAt: 'November 20, 2026 at 9:00 AM',
  comments: [],
};

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The page's own script: long tasks are recorded from the start (the reading's are told apart by
 * time), the subtree is built off-document in its own task, then inserted with one appendChild.
 */
function bigFeedPage(units: FakeFbPost[]): string {
  const script = `
    const rl = (window.__rl = { longTasks: [], insertedAt: Infinity });
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rl.longTasks.push({ start: e.startTime, duration: e.duration });
    });
    observer.observe({ type: 'longtask', buffered: true });
    let subtree;
    window.__build = () => {
      subtree = document.createElement('div');
      // Laying out 300 posts is a long frame of the page's own (~80 ms here), not the reading's:
      // the subtree stays in the document, unrendered, so the long tasks left are the script's.
      subtree.style.contentVisibility = 'hidden';
      subtree.innerHTML = JSON.parse(document.getElementById('cells').textContent).join('');
    };
    window.__insert = (removeNextTask) => {
      rl.insertedAt = performance.now();
      document.querySelector('[role=feed]').appendChild(subtree);
      if (removeNextTask) setTimeout(() => subtree.remove(), 0);
    };
    window.__longTasks = () => {
      for (const e of observer.takeRecords()) rl.longTasks.push({ start: e.startTime, duration: e.duration });
      return rl.longTasks.filter((t) => t.start + t.duration > rl.insertedAt);
    };`;
  const cells = `<script type="application/json" id="cells">${scriptJson(units.map((u, i) => fbPost(u, i + 1)))}</script>`;
  return fbPage([SENTINEL]).replace('<head>', `<head><script>${script}</script>`).replace('</body>', `${cells}</body>`);
}

interface LongTask {
  start: number;
  duration: number;
}

type BigPageWindow = Window & { __build(): void; __insert(removeNextTask: boolean): void; __longTasks(): LongTask[] };

async function openBigFeed(site: Page): Promise<void> {
  await site.goto('https://www.facebook.com/');
  await expect(site.locator(`[data-replyline-post="facebook:${SENTINEL.id}"]`)).toHaveAttribute('data-replyline-priority', /^\d+$/);
  await site.evaluate(() => (window as unknown as BigPageWindow).__build());
}

/** The big feed served, the brand created, the page open with its subtree built off the page. */
async function setUp(context: BrowserContext, sitePages: Map<string, string>, openPanel: () => Promise<Page>) {
  const feed = bigFeed();
  sitePages.set('/', bigFeedPage(feed.units));
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: BRAND_HANDLE, names: 'Acme' });
  const site = await context.newPage();
  await openBigFeed(site);
  return { ...feed, panel, site };
}

/** Waits until every expected key is in the queue, then returns all queued keys. */
async function queuedOnce(panel: Page, expected: readonly string[]): Promise<string[]> {
  const queued = async () => queueKeys(await readStore(panel, 'queue'));
  await expect.poll(async () => (await queued()).filter((k) => expected.includes(k)).length).toBe(expected.length);
  return queued();
}

const insert = (site: Page, removeNextTask: boolean) => site.evaluate((remove) => (window as unknown as BigPageWindow).__insert(remove), removeNextTask);
const longTasks = (site: Page) => site.evaluate(() => (window as unknown as BigPageWindow).__longTasks());

test.describe('a Facebook subtree of 300 posts and comments inserted at once', () => {
  test.setTimeout(60_000);

  test('is read in tasks under 50 ms, and every mention, thread replies included, is queued once', async ({ context, sitePages, openPanel }) => {
    const { naming, threadReplies, panel, site } = await setUp(context, sitePages, openPanel);

    await insert(site, false);
    // Every post and comment is marked once read: then the last reading task is over.
    await expect(site.locator('[data-replyline-post]')).toHaveCount(ITEMS + 1);
    const tasks = await longTasks(site);

    const expected = [...naming, ...threadReplies, `facebook:${SENTINEL.id}`];
    const all = await queuedOnce(panel, expected);
    console.log(`[big subtree] ${ITEMS} posts and comments, mentions ${expected.length}, queued ${all.length}, long tasks after insertion ${JSON.stringify(tasks)}`);
    expect(naming).toHaveLength(30);
    expect(threadReplies).toHaveLength(20);
    expect([...all].sort()).toEqual([...expected].sort()); // each exactly once, nothing else
    expect(tasks).toEqual([]);
  });

  test('removed in the next task, its mentions are still read (detached) and queued once', async ({ context, sitePages, openPanel }) => {
    const { naming, threadReplies, panel, site } = await setUp(context, sitePages, openPanel);

    await insert(site, true);
    await expect(site.locator('[role=feed] > div > [role=article]')).toHaveCount(0);

    // Thread replies included: Facebook tells a comment's thread from its own permalink or the
    // post it was removed with, so a reply read out of the page still answers the brand.
    const expected = [...naming, ...threadReplies, `facebook:${SENTINEL.id}`];
    const all = await queuedOnce(panel, expected);
    console.log(`[big subtree removed] mentions ${expected.length}, queued ${all.length}`);
    expect([...all].sort()).toEqual([...expected].sort()); // each exactly once, nothing else
  });
});
