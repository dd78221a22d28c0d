/**
 * A flick scroll through X search results, as X virtualises its timeline: rows appended in
 * batches of 20 every 100 ms (200 posts/s), each batch removed two ticks (~200 ms) after it came, so
 * at most 40 rows are in the page. 2,000 posts, ~15 % of them mention a brand with 15 handles.
 * Measured in one run on the same page markup:
 *   A  on x.com: our content script;
 *   F  the contract floor as another extension's content script (referenceExtension.ts): key each
 *      post, mark it, test its text for a brand term, synchronously in the observer's callback;
 *   C  nobody watches (the page's own cost).
 * Reports mentions that reached the queue over mentions in the stream, main-thread cost per post
 * of A against F (TaskDuration deltas net of C, and the CPU profiler's JavaScript time in each
 * script, which subtracts nothing and so is the stable one), the longest task, and the heap growth
 * after 5,000 recycled rows.
 */
import type { CDPSession, Page } from '@playwright/test';
import { z } from 'zod';
import { makeTweets, type FakeTweet } from '../../e2e/support/xPage';
import { BENCH_ORIGIN, createBenchBrand, median, round, waitForQueue, withExtension, type ExtensionSession } from './session';
import { meanBreakdown, startProfile, stopProfile, type FunctionTime } from './profile';
import { streamPage } from './streamPage';
import { realRowTemplate, type RealRowTemplate } from './realRow';
import { FLOOR_PATH } from './referenceExtension';
import { FLOOR_TERMS } from './bareObserver';

export interface StreamBenchOptions {
  posts?: number;
  repeats?: number;
  /** Rows streamed (and removed) between the two heap readings; 0 skips the heap runs. */
  heapRows?: number;
  limitMs?: number;
  log?: (line: string) => void;
  /**
   * Profiled pairs again on rows cloned from a real X post (realRow.ts: its snapshot by default,
   * null: skip). The bench's own rows hold ~35 elements, X's ~120: every walk of a post grows.
   */
  realRows?: RealRowTemplate | null;
}

type Mode = 'A' | 'F' | 'C';

/** One profiled A/F pair: µs per post of each side, and their ratio by sample count. */
interface ProfiledPair {
  ours: number;
  floor: number;
  sampledRatio: number;
}

function profiledPair(a: StreamRun, f: StreamRun, posts: number): ProfiledPair {
  return { ours: ((a.attributedMs ?? NaN) * 1000) / posts, floor: ((f.attributedMs ?? NaN) * 1000) / posts, sampledRatio: (a.sampledMs ?? NaN) / (f.sampledMs ?? NaN) };
}

interface StreamRun {
  mode: Mode;
  taskMs: number;
  scriptMs: number;
  maxLongTaskMs: number;
  /** Profiled runs: sampled JavaScript ms in our content script (A) or the floor's callback (F). */
  attributedMs?: number;
  /** The same as samples × the profile's median interval (see Attribution.byUrlSampledMs). */
  sampledMs?: number;
  /** Profiled A runs: where our content script's time went, and its longest single sample (ms). */
  breakdown?: FunctionTime[];
  longestSampleMs?: number;
  queued?: number;
  read?: number;
  maxInPage: number;
}

export interface HeapReading {
  /** V8 heap of the page's renderer isolate (the page's world and every content script's share it). */
  jsBytes: number;
  /** Blink's garbage-collected heap (DOM nodes), when this Chromium reports it. */
  embedderBytes: number | undefined;
}

export interface StreamBenchResult {
  posts: number;
  mentions: number;
  repeats: number;
  postsPerSecond: number;
  maxRowsInPage: number;
  /** Median over repeats, and every repeat: mentions in the queue / mentions in the stream. */
  queued: number;
  queuedPerRepeat: number[];
  queuedShare: number;
  floorRead: number;
  /** Profiled JavaScript µs per post: our content script, the floor (medians of the pairs), and the median ratio (the claim). */
  profiled: { oursUsPerPost: number; floorUsPerPost: number; ratio: number; ratioPerPair: number[]; sampledRatio: number; sampledRatioPerPair: number[]; breakdown: FunctionTime[] };
  /** The same pairs on real X rows; undefined without ../shared/data. */
  profiledRealRows:
    | {
        source: string;
        oursUsPerPost: number;
        floorUsPerPost: number;
        ratio: number;
        ratioPerPair: number[];
        sampledRatio: number;
        sampledRatioPerPair: number[];
        queuedPerPair: number[];
        breakdown: FunctionTime[];
      }
    | undefined;
  /** Thread-CPU JavaScript µs per post net of the page's (ScriptDuration, medians): immune to descheduling, noisy by subtraction. */
  scriptUsPerPost: { ours: number; floor: number };
  /** Main-thread CPU µs per post net of the page's own cost (median of repeats), and the ratio. */
  taskUsPerPost: { A: number; F: number; C: number };
  ours: number;
  floor: number;
  taskRatio: number;
  taskRatioPerRepeat: number[];
  scriptRatio: number;
  maxLongTaskMs: { A: number; F: number; C: number };
  heap:
    | {
        rows: number;
        /** Growth after `rows` recycled rows (both readings after forced GC), ours and page alone. */
        oursJsBytes: number;
        pageJsBytes: number;
        oursEmbedderBytes: number | undefined;
        pageEmbedderBytes: number | undefined;
        /** (ours − page alone) in MB: what the content script kept. */
        growthMb: number;
      }
    | undefined;
  goals: {
    queuedShare: 1;
    ratioMax: 2.5;
    heapMbMax: 2;
    queuedMet: boolean;
    ratioMet: boolean;
    /** The ratio on real X rows, when measured: what the issue's own measurement used. */
    realRowsRatioMet: boolean | undefined;
    heapMet: boolean | undefined;
  };
}

const BATCH = 20;
const INTERVAL_MS = 100;
const KEEP_BATCHES = 2;
/** Profiled A/F pairs; the ratio is their median. */
const PROFILED_PAIRS = 3;
/** Functions listed in the profiled breakdown of our content script. */
const BREAKDOWN_ROWS = 40;

/** 15 handles, as a real brand's support accounts; each contains the floor's term. */
const HANDLES = [
  'acme', 'AcmeHelp', 'AcmeSupport', 'AcmeCares', 'AcmeUK', 'AcmeUS', 'AcmeDE', 'AcmeFR', 'AcmeJP',
  'AcmeStatus', 'AcmeDev', 'AcmeNews', 'AcmeBilling', 'AcmeOrders', 'AcmeTravel',
];
const BRAND = { name: 'Acme', handles: HANDLES.join(', '), names: 'Acme' };
/** 3 of every 20 posts: 15 %. */
const isMention = (i: number) => i % 20 === 0 || i % 20 === 7 || i % 20 === 13;

const CHATTER = [
  'Lovely weather in the park this morning, coffee and a long walk',
  'Anyone watching the match tonight? That last goal was unreal',
  'Just finished a 600 page novel and I need to talk about that ending',
  'Hot take: pineapple on pizza is fine and we should all move on',
  'Моя кошка опять спит на клавиатуре, работать невозможно',
  '今天天气很好，我们去公园散步了，晚上吃火锅',
  'Deploying on a Friday again, wish me luck everyone',
  'New recipe: lentil soup with lemon and cumin, ten out of ten',
];
const MENTIONS = [
  '@{h} my order #{n} never arrived, still waiting after two weeks!',
  '@{h} how do I change the delivery address on order {n}?',
  '@{h} I was charged twice for order {n}, please refund one',
  '@{h} верните деньги за заказ {n}, товар сломан',
  '@{h} 我的订单{n}还没到，请帮忙查一下',
  'Still no reply from @{h} about my broken order {n}, this is unacceptable',
];

function streamTweets(count: number, base: bigint): FakeTweet[] {
  let m = 0;
  return makeTweets(
    count,
    (i) => {
      if (!isMention(i)) return `${CHATTER[i % CHATTER.length] ?? ''} (${i})`;
      m += 1;
      return (MENTIONS[m % MENTIONS.length] ?? '').replace('{h}', HANDLES[m % HANDLES.length] ?? 'acme').replace('{n}', String(40000 + i));
    },
    base,
  );
}

const MetricsSchema = z.object({ metrics: z.array(z.object({ name: z.string(), value: z.number() })) });
const StreamStateSchema = z.object({ appended: z.number(), removed: z.number(), maxInPage: z.number(), done: z.boolean() });
const LongTasksSchema = z.array(z.object({ start: z.number(), duration: z.number() }));
const HeapSchema = z.object({ usedSize: z.number(), embedderHeapUsedSize: z.number().optional() });

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = MetricsSchema.parse(await cdp.send('Performance.getMetrics'));
  return new Map(list.map((m) => [m.name, m.value]));
}

async function waitForStream(page: Page, limitMs: number): Promise<z.infer<typeof StreamStateSchema>> {
  const t0 = Date.now();
  for (;;) {
    const state = StreamStateSchema.parse(await page.evaluate('window.__bench.stream()'));
    if (state.done) return state;
    if (Date.now() - t0 > limitMs) throw new Error(`stream stalled: ${JSON.stringify(state)}`);
    await page.waitForTimeout(250);
  }
}

function urlFor(s: ExtensionSession, mode: Mode, tag: string, html: string): string {
  if (mode === 'A') {
    s.sitePages.set(`/search-${tag}`, html);
    return `https://x.com/search-${tag}`;
  }
  const path = mode === 'F' ? `${FLOOR_PATH}${tag}` : `/plain-${tag}`;
  s.benchPages.set(path, html);
  return `${BENCH_ORIGIN}${path}`;
}

async function runOnce(s: ExtensionSession, mode: Mode, tweets: FakeTweet[], tag: string, profile: boolean, template?: RealRowTemplate): Promise<StreamRun> {
  const html = streamPage(tweets, mode, { batchSize: BATCH, intervalMs: INTERVAL_MS, keepBatches: KEEP_BATCHES, brandTerms: FLOOR_TERMS, template });
  const page = await s.context.newPage();
  try {
    const cdp = await s.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(urlFor(s, mode, tag, html), { waitUntil: 'load' });
    await page.waitForTimeout(800); // content scripts start at document_idle
    const before = await metrics(cdp);
    if (profile) await startProfile(cdp);
    await page.evaluate('window.__bench.start()');
    const state = await waitForStream(page, 60_000);
    const keys = new Set(tweets.filter((_, i) => isMention(i)).map((t) => `x:${t.id}`));
    // A: its batches go out after the last row left; their main-thread cost is ours too.
    const queued = mode === 'A' ? await waitForQueue(s, keys) : undefined;
    if (mode !== 'A') await page.waitForTimeout(1000);
    const attribution = profile ? await stopProfile(cdp, { urlPart: '/content-scripts/', functionName: 'contractFloor' }) : undefined;
    const after = await metrics(cdp);
    const delta = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000;
    const longTasks = LongTasksSchema.parse(await page.evaluate('window.__bench.longTasks()'));
    const read = mode === 'F' ? z.number().parse(await page.evaluate("Number(document.documentElement.getAttribute('data-bare-read') || 0)")) : undefined;
    return {
      mode,
      taskMs: delta('TaskDuration'),
      scriptMs: delta('ScriptDuration'),
      maxLongTaskMs: longTasks.reduce((m, t) => Math.max(m, t.duration), 0),
      ...(attribution ? { attributedMs: mode === 'A' ? attribution.byUrlMs : attribution.byFunctionMs } : {}),
      ...(attribution ? { sampledMs: mode === 'A' ? attribution.byUrlSampledMs : attribution.byFunctionSampledMs } : {}),
      ...(attribution && mode === 'A' ? { breakdown: attribution.breakdown, longestSampleMs: attribution.longestUrlSampleMs } : {}),
      ...(queued !== undefined ? { queued } : {}),
      ...(read !== undefined ? { read } : {}),
      maxInPage: state.maxInPage,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function heapNow(cdp: CDPSession): Promise<HeapReading> {
  // Twice: the first pass may only queue finalisers (detached DOM wrappers) for the second.
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const usage = HeapSchema.parse(await cdp.send('Runtime.getHeapUsage'));
  return { jsBytes: usage.usedSize, embedderBytes: usage.embedderHeapUsedSize };
}

/**
 * Heap growth over `rows` recycled rows on one page: 1,000 rows first (JIT code, caches and the
 * content script's first-seen structures settle), a reading after forced GC, then `rows` more and
 * a second reading. Measured for A and C on the same markup; A − C is what our script kept.
 */
async function heapRun(s: ExtensionSession, mode: 'A' | 'C', rows: number, tag: string): Promise<{ js: number; embedder: number | undefined }> {
  const warm = 1000;
  const tweets = streamTweets(warm + rows, 1_760_000_000_000_000_000n + (mode === 'A' ? 0n : 50_000_000n));
  const html = streamPage(tweets, mode, { batchSize: BATCH, intervalMs: INTERVAL_MS, keepBatches: KEEP_BATCHES });
  const page = await s.context.newPage();
  try {
    const cdp = await s.context.newCDPSession(page);
    await cdp.send('Runtime.enable');
    await page.goto(urlFor(s, mode, tag, html), { waitUntil: 'load' });
    await page.waitForTimeout(800);
    await page.evaluate(`window.__bench.start(${warm / BATCH})`);
    await waitForStream(page, 60_000);
    await page.waitForTimeout(2000); // the last batch's verdicts and the health report
    const first = await heapNow(cdp);
    await page.evaluate(`window.__bench.start(${rows / BATCH})`);
    await waitForStream(page, 120_000);
    await page.waitForTimeout(2000);
    const second = await heapNow(cdp);
    return {
      js: second.jsBytes - first.jsBytes,
      embedder: first.embedderBytes !== undefined && second.embedderBytes !== undefined ? second.embedderBytes - first.embedderBytes : undefined,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function benchStream(options: StreamBenchOptions = {}): Promise<StreamBenchResult> {
  const posts = options.posts ?? 2000;
  const repeats = options.repeats ?? 3;
  const heapRows = options.heapRows ?? 5000;
  const log = options.log ?? (() => undefined);

  return withExtension(options.limitMs ?? 600_000, async (s) => {
    await createBenchBrand(s, BRAND);

    const mentions = Array.from({ length: posts }, (_, i) => i).filter(isMention).length;
    // Warm-up (not recorded): wakes the service worker and JITs both scripts.
    await runOnce(s, 'A', streamTweets(400, 1_700_000_000_000_000_000n), 'warmA', false);
    await runOnce(s, 'F', streamTweets(400, 1_700_000_000_000_000_000n), 'warmF', false);

    const runs: StreamRun[] = [];
    for (let r = 0; r < repeats; r++) {
      // Fresh ids per repeat: every A run does first-seen work (classify + DB insert).
      const tweets = streamTweets(posts, 1_750_000_000_000_000_000n + BigInt(r) * 1_000_000n);
      const order: Mode[] = (['A', 'F', 'C'] as const).map((_, k, all) => all[(k + r) % all.length] ?? 'C');
      for (const mode of order) {
        const run = await runOnce(s, mode, tweets, `${mode}${r}`, false);
        log(
          `  run ${mode}${r}: main-thread CPU ${round(run.taskMs)} ms (script ${round(run.scriptMs)}), longest task ${round(run.maxLongTaskMs)} ms, ≤ ${run.maxInPage} rows in page` +
            (run.queued !== undefined ? `, queued ${run.queued}/${mentions}` : '') +
            (run.read !== undefined ? `, floor read ${run.read}/${posts}` : ''),
        );
        runs.push(run);
      }
    }
    // Profiled pairs, A then F back to back: the sampler counts wall time, so a pair shares its load.
    const pairs: ProfiledPair[] = [];
    const breakdowns: FunctionTime[][] = [];
    for (let k = 0; k < PROFILED_PAIRS; k++) {
      const profTweets = streamTweets(posts, 1_750_000_000_000_000_000n + BigInt(9 + k) * 1_000_000n);
      const pa = await runOnce(s, 'A', profTweets, `Aprof${k}`, true);
      const pf = await runOnce(s, 'F', profTweets, `Fprof${k}`, true);
      runs.push(pa); // its queue count is a run like any other
      if (pa.breakdown) breakdowns.push(pa.breakdown);
      pairs.push(profiledPair(pa, pf, posts));
      log(
        `  profiled pair ${k}: our content script ${round(pairs[k]?.ours ?? NaN)} µs/post, floor ${round(pairs[k]?.floor ?? NaN)} µs/post, by sample count ${round(pairs[k]?.sampledRatio ?? NaN, 2)}×` +
          ` (our longest single sample ${round(pa.longestSampleMs ?? NaN, 2)} ms, charged as at most 1 ms: above 0.25, the thread was descheduled)`,
      );
    }
    const oursUsPerPost = round(median(pairs.map((p) => p.ours)), 1);
    const floorUsPerPost = round(median(pairs.map((p) => p.floor)), 1);
    const ratioPerPair = pairs.map((p) => round(p.ours / p.floor, 2));
    const sampledRatioPerPair = pairs.map((p) => round(p.sampledRatio, 2));
    const breakdown = meanBreakdown(breakdowns, posts).slice(0, BREAKDOWN_ROWS);
    log('  our content script by function, µs/post (self / total), mean of the profiled runs:');
    for (const f of breakdown) log(`    ${f.selfMs.toFixed(2).padStart(6)} / ${f.totalMs.toFixed(2).padStart(6)}  ${f.frame}`);

    let profiledRealRows: StreamBenchResult['profiledRealRows'];
    const real = options.realRows === null ? undefined : (options.realRows ?? realRowTemplate());
    if (real) {
      log(`  real X rows (${real.source}, cloned per post with its author, id, time and text):`);
      await runOnce(s, 'A', streamTweets(400, 1_700_000_000_000_000_000n + 7_000_000n), 'warmRealA', false, real);
      const realPairs: ProfiledPair[] = [];
      const realBreakdowns: FunctionTime[][] = [];
      const queuedPerPair: number[] = [];
      for (let k = 0; k < PROFILED_PAIRS; k++) {
        const profTweets = streamTweets(posts, 1_750_000_000_000_000_000n + BigInt(20 + k) * 1_000_000n);
        const pa = await runOnce(s, 'A', profTweets, `Areal${k}`, true, real);
        const pf = await runOnce(s, 'F', profTweets, `Freal${k}`, true, real);
        queuedPerPair.push(pa.queued ?? 0);
        if (pa.breakdown) realBreakdowns.push(pa.breakdown);
        realPairs.push(profiledPair(pa, pf, posts));
        log(
          `  profiled pair ${k} on real rows: our content script ${round(realPairs[k]?.ours ?? NaN)} µs/post, floor ${round(realPairs[k]?.floor ?? NaN)} µs/post, by sample count ${round(realPairs[k]?.sampledRatio ?? NaN, 2)}×, queued ${pa.queued ?? 0}/${mentions}`,
        );
      }
      profiledRealRows = {
        source: real.source,
        oursUsPerPost: round(median(realPairs.map((p) => p.ours)), 1),
        floorUsPerPost: round(median(realPairs.map((p) => p.floor)), 1),
        ratio: round(median(realPairs.map((p) => p.ours / p.floor)), 2),
        ratioPerPair: realPairs.map((p) => round(p.ours / p.floor, 2)),
        sampledRatio: round(median(realPairs.map((p) => p.sampledRatio)), 2),
        sampledRatioPerPair: realPairs.map((p) => round(p.sampledRatio, 2)),
        queuedPerPair,
        breakdown: meanBreakdown(realBreakdowns, posts).slice(0, BREAKDOWN_ROWS),
      };
      log('  our content script on real rows by function, µs/post (self / total), mean of the profiled runs:');
      for (const f of profiledRealRows.breakdown) log(`    ${f.selfMs.toFixed(2).padStart(6)} / ${f.totalMs.toFixed(2).padStart(6)}  ${f.frame}`);
    }

    let heap: StreamBenchResult['heap'];
    if (heapRows > 0) {
      const ours = await heapRun(s, 'A', heapRows, 'heapA');
      const page = await heapRun(s, 'C', heapRows, 'heapC');
      const growth = ours.js - page.js + ((ours.embedder ?? 0) - (page.embedder ?? 0));
      heap = {
        rows: heapRows,
        oursJsBytes: ours.js,
        pageJsBytes: page.js,
        oursEmbedderBytes: ours.embedder,
        pageEmbedderBytes: page.embedder,
        growthMb: round(growth / 1024 / 1024, 2),
      };
      log(`  heap after ${heapRows} recycled rows: JS ${round(ours.js / 1024)} kB (page alone ${round(page.js / 1024)}), DOM ${round((ours.embedder ?? NaN) / 1024)} kB (page alone ${round((page.embedder ?? NaN) / 1024)})`);
    }

    const of = (mode: Mode) => runs.filter((x) => x.mode === mode && x.attributedMs === undefined);
    const med = (mode: Mode, pick: (x: StreamRun) => number) => median(of(mode).map(pick));
    const a = med('A', (x) => x.taskMs);
    const f = med('F', (x) => x.taskMs);
    const c = med('C', (x) => x.taskMs);
    const perPost = (ms: number) => round((ms * 1000) / posts, 1);
    const queuedPerRepeat = [...runs.filter((x) => x.mode === 'A').map((x) => x.queued ?? 0), ...(profiledRealRows?.queuedPerPair ?? [])];
    const queued = Math.min(...queuedPerRepeat);
    const ratio = round(median(pairs.map((p) => p.ours / p.floor)), 2);
    return {
      posts,
      mentions,
      repeats,
      postsPerSecond: (BATCH * 1000) / INTERVAL_MS,
      maxRowsInPage: Math.max(...runs.map((x) => x.maxInPage)),
      queued,
      queuedPerRepeat,
      queuedShare: round(queued / mentions, 3),
      floorRead: Math.min(...runs.filter((x) => x.mode === 'F').map((x) => x.read ?? 0)),
      profiled: { oursUsPerPost, floorUsPerPost, ratio, ratioPerPair, sampledRatio: round(median(pairs.map((p) => p.sampledRatio)), 2), sampledRatioPerPair, breakdown },
      profiledRealRows,
      scriptUsPerPost: { ours: perPost(med('A', (x) => x.scriptMs) - med('C', (x) => x.scriptMs)), floor: perPost(med('F', (x) => x.scriptMs) - med('C', (x) => x.scriptMs)) },
      taskUsPerPost: { A: perPost(a), F: perPost(f), C: perPost(c) },
      ours: perPost(a - c),
      floor: perPost(f - c),
      taskRatio: round(f - c > 0 ? (a - c) / (f - c) : Number.NaN, 2),
      taskRatioPerRepeat: Array.from({ length: repeats }, (_, r) => {
        const [ar, fr, cr] = (['A', 'F', 'C'] as const).map((m) => of(m)[r]?.taskMs ?? Number.NaN);
        return round(((ar ?? NaN) - (cr ?? NaN)) / ((fr ?? NaN) - (cr ?? NaN)), 2);
      }),
      scriptRatio: round((med('A', (x) => x.scriptMs) - med('C', (x) => x.scriptMs)) / (med('F', (x) => x.scriptMs) - med('C', (x) => x.scriptMs)), 2),
      maxLongTaskMs: { A: round(med('A', (x) => x.maxLongTaskMs)), F: round(med('F', (x) => x.maxLongTaskMs)), C: round(med('C', (x) => x.maxLongTaskMs)) },
      heap,
      goals: {
        queuedShare: 1,
        ratioMax: 2.5,
        heapMbMax: 2,
        queuedMet: queued >= mentions,
        ratioMet: ratio <= 2.5,
        realRowsRatioMet: profiledRealRows ? profiledRealRows.ratio <= 2.5 : undefined,
        heapMet: heap ? heap.growthMb <= 2 : undefined,
      },
    };
  });
}
