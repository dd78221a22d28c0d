/**
 * The Facebook side of the flick scroll: feed units (a post with its comments already inside)
 * appended a few at a time every 100 ms (about 200 posts and comments a second), each removed two
 * ticks later, as Facebook swaps far-off units for placeholders. Measured in one run on the same
 * page markup, in profiled pairs:
 *   A  on facebook.com: our content script;
 *   F  the Facebook contract floor as another extension's content script (bareObserver.ts: key each
 *      post and comment, mark it, test its text for a brand term, in the observer's callback).
 * Reports mentions queued over mentions in the stream and the profiled JavaScript time per post or
 * comment of A against F: issue 19's measure, on the other site.
 */
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { fbPage, fbPost, type FakeFbPost } from '../../e2e/support/fbPage';
import { BENCH_ORIGIN, createBenchBrand, median, round, waitForQueue, withExtension, type ExtensionSession } from './session';
import { meanBreakdown, startProfile, stopProfile, type FunctionTime } from './profile';
import { FACEBOOK_FLOOR_PATH } from './referenceExtension';

export interface FacebookStreamOptions {
  /** Feed units, each a post and two comments. */
  units?: number;
  pairs?: number;
  limitMs?: number;
  log?: (line: string) => void;
}

export interface FacebookStreamResult {
  /** Posts and comments in the stream. */
  items: number;
  mentions: number;
  itemsPerSecond: number;
  /** Fewest mentions queued in any A run. */
  queued: number;
  queuedPerPair: number[];
  floorRead: number;
  oursUsPerItem: number;
  floorUsPerItem: number;
  ratio: number;
  ratioPerPair: number[];
  sampledRatio: number;
  sampledRatioPerPair: number[];
  breakdown: FunctionTime[];
}

const UNITS_PER_TICK = 7;
const TICK_MS = 100;
const KEEP_TICKS = 2;
const COMMENTS_PER_UNIT = 2;
const BREAKDOWN_ROWS = 25;
const BRAND = { name: 'Acme', handles: 'AcmeBakery, AcmeHelp', names: 'Acme' };

/** 3 of every 20 posts and 2 of every 20 first comments name the brand: about 8 % of the items. */
const postMentions = (i: number) => i % 20 === 0 || i % 20 === 7 || i % 20 === 13;
const commentMentions = (i: number) => i % 20 === 4 || i % 20 === 16;

const CHATTER = ['Weekend hike up the ridge, views were unreal', 'Sourdough attempt number five, finally a good crumb', 'Who is going to the market on Saturday?', 'Кошка опять спит на клавиатуре', '今天天气很好，我们去公园散步了'];
const MENTIONS = ['Acme lost my order #{n}, nobody answers', 'Acme charged me twice for order {n}', 'Has anyone had a refund from Acme? Order {n}', 'Acme, где мой заказ {n}?', 'Acme 我的订单{n}还没到'];

function feedUnits(count: number, base: number): { units: FakeFbPost[]; keys: string[] } {
  const pick = (list: string[], i: number) => list[i % list.length] ?? '';
  const units = Array.from({ length: count }, (_, i): FakeFbPost => ({
    id: String(base + i),
    page: `friend.${i % 97}`,
    author: `Friend ${i % 97}`,
    // Texts unique per stream: Facebook posts are also keyed on author and text (sameAs), so a text
    // seen in an earlier run would file this post under that run's key.
    text: postMentions(i) ? pick(MENTIONS, i).replace('{n}', String(base + i)) : `${pick(CHATTER, i)} (${base + i})`,
    createdAt: 'November 20, 2026 at 10:00 AM',
    comments: Array.from({ length: COMMENTS_PER_UNIT }, (_, c) => ({
      id: String(base * 2 + i * COMMENTS_PER_UNIT + c),
      author: `Pal ${(i + c) % 89}`,
      profile: `pal.${(i + c) % 89}`,
      text: c === 0 && commentMentions(i) ? pick(MENTIONS, i + 2).replace('{n}', String(base * 2 + i)) : `${pick(CHATTER, i + c + 1)} ${base + i}`,
    })),
  }));
  const keys = units.flatMap((u, i) => [...(postMentions(i) ? [`facebook:${u.id}`] : []), ...(commentMentions(i) ? [`facebook:${u.comments[0]?.id ?? ''}`] : [])]);
  return { units, keys };
}

/**
 * Facebook's tracking parameters, as on nearly every real link (`__cft__[0]` a long token, `__tn__`
 * escaped): what a reader parses per link, and what the floor's patterns read past.
 */
function withTracking(html: string, i: number): string {
  const token = `AZW${'x9_-Qa3Kp'.repeat(16)}${i}`;
  return html.replace(/href="(https:\/\/www\.facebook\.com\/[^"]*)"/g, (_, href: string) => `href="${href}${href.includes('?') ? '&amp;' : '?'}__cft__[0]=${token}&amp;__tn__=%2CO%2CP-R"`);
}

/** The feed page with the stream held until `window.__fbBench.start()`. */
function streamingFeed(units: FakeFbPost[]): string {
  const cells = JSON.stringify(units.map((u, i) => withTracking(fbPost(u, i), i))).replace(/</g, '\\u003c');
  const script = `
    const cells = JSON.parse(document.getElementById('cells').textContent);
    const feed = document.querySelector('[role=feed]');
    const state = { appended: 0, removed: 0, done: false };
    const ticks = [];
    const tick = () => {
      if (ticks.length >= ${KEEP_TICKS} || state.appended >= cells.length) {
        for (const unit of ticks.shift() ?? []) unit.remove(), (state.removed += 1);
      }
      if (state.appended < cells.length) {
        const before = feed.children.length;
        feed.insertAdjacentHTML('beforeend', cells.slice(state.appended, state.appended + ${UNITS_PER_TICK}).join(''));
        ticks.push([...feed.children].slice(before));
        state.appended = Math.min(cells.length, state.appended + ${UNITS_PER_TICK});
      }
      if (ticks.length > 0) setTimeout(tick, ${TICK_MS});
      else state.done = true;
    };
    window.__fbBench = { start: () => tick(), state: () => state };`;
  return fbPage([]).replace('</body>', `<script type="application/json" id="cells">${cells}</script><script>${script}</script></body>`);
}

const StateSchema = z.object({ appended: z.number(), removed: z.number(), done: z.boolean() });

async function waitForStream(page: Page): Promise<void> {
  for (const t0 = Date.now(); ; ) {
    if (StateSchema.parse(await page.evaluate('window.__fbBench.state()')).done) return;
    if (Date.now() - t0 > 60_000) throw new Error('the Facebook stream stalled');
    await page.waitForTimeout(250);
  }
}

interface Run {
  ms: number;
  sampledMs: number;
  breakdown: FunctionTime[];
  queued?: number;
  read?: number;
}

async function profiledRun(s: ExtensionSession, ours: boolean, units: FakeFbPost[], keys: string[], tag: string): Promise<Run> {
  const html = streamingFeed(units);
  let url: string;
  if (ours) {
    s.sitePages.set(`/feed-${tag}`, html);
    url = `https://www.facebook.com/feed-${tag}`;
  } else {
    s.benchPages.set(`${FACEBOOK_FLOOR_PATH}${tag}`, html);
    url = `${BENCH_ORIGIN}${FACEBOOK_FLOOR_PATH}${tag}`;
  }
  const page = await s.context.newPage();
  try {
    const cdp = await s.context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(800); // content scripts start at document_idle
    await startProfile(cdp);
    await page.evaluate('window.__fbBench.start()');
    await waitForStream(page);
    // Our batches go out after the last unit left; their main-thread cost is ours too.
    const queued = ours ? await waitForQueue(s, new Set(keys)) : undefined;
    if (!ours) await page.waitForTimeout(1000);
    const attribution = await stopProfile(cdp, { urlPart: '/content-scripts/', functionName: 'contractFloor' });
    const read = ours ? undefined : z.number().parse(await page.evaluate("Number(document.documentElement.getAttribute('data-bare-read') || 0)"));
    return {
      ms: ours ? attribution.byUrlMs : attribution.byFunctionMs,
      sampledMs: ours ? attribution.byUrlSampledMs : attribution.byFunctionSampledMs,
      breakdown: ours ? attribution.breakdown : [],
      ...(queued !== undefined ? { queued } : {}),
      ...(read !== undefined ? { read } : {}),
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function benchFacebookStream(options: FacebookStreamOptions = {}): Promise<FacebookStreamResult> {
  const unitCount = options.units ?? 700;
  const pairCount = options.pairs ?? 3;
  const log = options.log ?? (() => undefined);
  const items = unitCount * (1 + COMMENTS_PER_UNIT);

  return withExtension(options.limitMs ?? 420_000, async (s) => {
    await createBenchBrand(s, BRAND);
    // Warm-up (not recorded): wakes the service worker and JITs both scripts.
    const warm = feedUnits(150, 3_000_000);
    await profiledRun(s, true, warm.units, warm.keys, 'warmA');
    await profiledRun(s, false, warm.units, warm.keys, 'warmF');

    const pairs: { ours: Run; floor: Run }[] = [];
    let mentions = 0;
    for (let k = 0; k < pairCount; k++) {
      // Fresh ids per pair: every A run does first-seen work (classify + DB insert).
      const { units, keys } = feedUnits(unitCount, 4_000_000 + k * 100_000);
      mentions = keys.length;
      const ours = await profiledRun(s, true, units, keys, `A${k}`);
      const floor = await profiledRun(s, false, units, keys, `F${k}`);
      pairs.push({ ours, floor });
      log(`  profiled pair ${k}: ours ${round((ours.ms * 1000) / items)} µs per post or comment, floor ${round((floor.ms * 1000) / items)}, queued ${ours.queued ?? 0}/${mentions}, floor read ${floor.read ?? 0}/${items}`);
    }
    const perItem = (ms: number) => (ms * 1000) / items;
    const ratioPerPair = pairs.map((p) => round(p.ours.ms / p.floor.ms, 2));
    const sampledRatioPerPair = pairs.map((p) => round(p.ours.sampledMs / p.floor.sampledMs, 2));
    const queuedPerPair = pairs.map((p) => p.ours.queued ?? 0);
    const breakdown = meanBreakdown(pairs.map((p) => p.ours.breakdown), items).slice(0, BREAKDOWN_ROWS);
    log('  our content script by function, µs per post or comment (self / total), mean of the profiled runs:');
    for (const f of breakdown) log(`    ${f.selfMs.toFixed(2).padStart(6)} / ${f.totalMs.toFixed(2).padStart(6)}  ${f.frame}`);
    return {
      items,
      mentions,
      itemsPerSecond: round((UNITS_PER_TICK * (1 + COMMENTS_PER_UNIT) * 1000) / TICK_MS, 0),
      queued: Math.min(...queuedPerPair),
      queuedPerPair,
      floorRead: Math.min(...pairs.map((p) => p.floor.read ?? 0)),
      oursUsPerItem: round(median(pairs.map((p) => perItem(p.ours.ms))), 1),
      floorUsPerItem: round(median(pairs.map((p) => perItem(p.floor.ms))), 1),
      ratio: round(median(pairs.map((p) => p.ours.ms / p.floor.ms)), 2),
      ratioPerPair,
      sampledRatio: round(median(pairs.map((p) => p.ours.sampledMs / p.floor.sampledMs)), 2),
      sampledRatioPerPair,
      breakdown,
    };
  });
}

