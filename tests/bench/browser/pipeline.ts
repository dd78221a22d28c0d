/**
 * Content-script cost per post, in real Chromium with the built extension. One page streams
 * 2,000 X-like posts in (100 batches of 20 every 30 ms, like infinite scroll) three ways:
 *   A  on x.com: the whole pipeline runs (observe → extract → batch → postsSeen → marks + badges);
 *   B  on an unmatched host with a bare MutationObserver that only reads each post's text;
 *   C  on an unmatched host with no observer (the page's own cost);
 *   D  like B, but the bare observer is an extension's content script (isolated world), the least
 *      any extension can do per post;
 *   E  like B, plus only what the test contract demands (key, mark, a plain brand-term test): the
 *      least any implementation of the contract can do per post;
 *   F  E as an extension's content script: the least an extension honouring the contract can do.
 * Main-thread busy time comes from CDP Performance.getMetrics (TaskDuration deltas), so idle
 * waiting (e.g. for the background's verdicts) costs nothing. Ratio = (A − C) / (B − C).
 * Long tasks come from a buffered PerformanceObserver in the page (it also sees content-script
 * tasks: they share the page's main thread). Runs are interleaved A, B, C × repeats; medians.
 */
import type { CDPSession, Page } from '@playwright/test';
import { z } from 'zod';
import { makeTweets, type FakeTweet } from '../../e2e/support/xPage';
import { BENCH_ORIGIN, createBenchBrand, median, round, withExtension, type ExtensionSession } from './session';
import { startProfile, stopProfile, type Attribution } from './profile';
import { streamPage, type StreamMode } from './streamPage';
import { FLOOR_PATH, REFERENCE_PATH } from './referenceExtension';
import { FLOOR_TERMS } from './bareObserver';

export interface PipelineBenchOptions {
  posts?: number;
  batchSize?: number;
  intervalMs?: number;
  repeats?: number;
  /** One extra profiled A and B run for JS-time attribution (default on). */
  profile?: boolean;
  /** Hard limit for the whole section, browser launch included. */
  limitMs?: number;
  log?: (line: string) => void;
}

export interface PipelineRun {
  mode: StreamMode;
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** Longest task in the page from the first batch on. */
  maxLongTaskMs: number;
  longTasks: number;
  wallMs: number;
  prioritised: number;
  /** Modes B, D and E: the observer's time measured inside its own callback. */
  observerMs: number;
  /** Profiled runs only: sampled JS time in the content script (A) or the observer (B, D, E). */
  attributedMs?: number;
}

export interface PipelineBenchResult {
  posts: number;
  mentions: number;
  repeats: number;
  runs: PipelineRun[];
  /** Median main-thread µs per post for each mode. */
  perPostUs: Record<StreamMode, number>;
  /** Extension's per-post cost over the bare observer's, both net of the page's own cost. */
  ratio: number;
  ratioPerRepeat: number[];
  /** The same ratio on JavaScript time only (ScriptDuration): less layout noise, misses layout the extension causes. */
  scriptRatio: number;
  /** The bare observer's callback time per post, timed inside the page: a noise-free floor for B − C. */
  bareObserverSelfUsPerPost: number;
  /**
   * (A − C) over the self-timed bare observer: usable when B − C drowns in page noise. Conservative
   * (the self-timed side is wall time, which only grows on a loaded machine).
   */
  ratioVsSelfTimed: number;
  /** (A − C) per post, µs: the extension's absolute cost. */
  extensionUsPerPost: number;
  bareUsPerPost: number;
  /**
   * The same comparisons against D, the bare observer as a content script: what the pipeline costs
   * over the least an extension can do (its isolated world pays for a wrapper per DOM object it
   * touches, which a page script does not). Reported next to the page-script ratios, not instead.
   */
  contentWorld: {
    bareUsPerPost: number;
    ratio: number;
    bareSelfUsPerPost: number;
    ratioVsSelfTimed: number;
    profiledBareUsPerPost: number | undefined;
    profiledRatio: number | undefined;
  };
  /**
   * E, the contract floor: what reading each post *and* doing only what the test contract demands
   * (key it, mark it, test its text for a brand term) costs over the bare read, and what the
   * pipeline costs over that floor. If the floor itself is above 2× the bare read, no
   * implementation of the contract can meet the goal on this page.
   */
  floor: {
    usPerPost: number;
    selfUsPerPost: number;
    profiledUsPerPost: number | undefined;
    /** (E − C) / (B − C), self-timed E / self-timed B, profiled E / profiled B. */
    overBare: number;
    overBareSelfTimed: number;
    overBareProfiled: number | undefined;
    /** (A − C) / (E − C) and profiled A / profiled E. */
    pipelineRatio: number;
    pipelineRatioProfiled: number | undefined;
    /** F, the same floor as a content script: its cost, and the pipeline's over it. */
    contentWorld: {
      usPerPost: number;
      selfUsPerPost: number;
      profiledUsPerPost: number | undefined;
      pipelineRatio: number;
      pipelineRatioProfiled: number | undefined;
    };
  };
  maxLongTaskMs: Record<StreamMode, number>;
  /**
   * One extra A and B run under the CPU profiler (not in the medians): JavaScript time in the
   * content script vs in the bare observer, per post. Immune to the page's layout noise, but sees
   * only JS (and what JS forces), not layout/paint the marks and badges cause later.
   */
  profiled:
    | {
        contentScriptUsPerPost: number;
        bareObserverUsPerPost: number;
        ratio: number;
        contentWorldBareUsPerPost: number;
        contentWorldRatio: number;
        contractFloorUsPerPost: number;
        contentWorldFloorUsPerPost: number;
      }
    | undefined;
  /** Median seconds from the first batch until every post was marked and every mention prioritised. */
  markedWithinMs: number;
  goals: { ratioMax: number; longTaskMaxMs: number; ratioMet: boolean; longTaskMet: boolean };
}

const ProgressSchema = z.object({ appended: z.number(), read: z.number(), marked: z.number(), prioritised: z.number() });
const LongTasksSchema = z.array(z.object({ start: z.number(), duration: z.number() }));
const MetricsSchema = z.object({ metrics: z.array(z.object({ name: z.string(), value: z.number() })) });

const BRAND = { name: 'Acme', handles: 'acme, AcmeHelp', names: 'Acme' };
const MENTION_EVERY = 7; // ≈ 14 % of posts mention the brand

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
  'Hey @acme my order #{n} never arrived, still waiting after two weeks!',
  '@AcmeHelp how do I change the delivery address on order {n}?',
  'Thanks @acme, the replacement came today and works perfectly',
  '@acme верните деньги за заказ {n}, товар сломан',
  '@acme 我的订单{n}还没到，请帮忙查一下',
];

function benchTweets(count: number, base: bigint): FakeTweet[] {
  return makeTweets(
    count,
    (i) =>
      i % MENTION_EVERY === 0
        ? (MENTIONS[(i / MENTION_EVERY) % MENTIONS.length] ?? '').replace('{n}', String(40000 + i))
        : `${CHATTER[i % CHATTER.length] ?? ''} (${i})`,
    base,
  );
}

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = MetricsSchema.parse(await cdp.send('Performance.getMetrics'));
  return new Map(list.map((m) => [m.name, m.value]));
}

async function progress(page: Page): Promise<z.infer<typeof ProgressSchema>> {
  return ProgressSchema.parse(await page.evaluate('window.__bench.progress()'));
}

function doneFor(mode: StreamMode, p: z.infer<typeof ProgressSchema>, posts: number, mentions: number): boolean {
  if (p.appended < posts) return false;
  if (mode === 'A') return p.marked >= posts && p.prioritised >= mentions;
  if (mode === 'B' || mode === 'D' || mode === 'E' || mode === 'F') return p.read >= posts;
  return true;
}

async function runOnce(
  s: ExtensionSession,
  mode: StreamMode,
  tweets: FakeTweet[],
  mentions: number,
  opts: Required<Pick<PipelineBenchOptions, 'batchSize' | 'intervalMs'>>,
  tag: string,
  profile = false,
): Promise<PipelineRun> {
  const html = streamPage(tweets, mode, { ...opts, brandTerms: FLOOR_TERMS });
  const path = `/bench-${tag}`;
  let url: string;
  if (mode === 'A') {
    s.sitePages.set(path, html);
    url = `https://x.com${path}`;
  } else if (mode === 'D' || mode === 'F') {
    const referencePath = `${mode === 'D' ? REFERENCE_PATH : FLOOR_PATH}${path.slice(1)}`;
    s.benchPages.set(referencePath, html);
    url = `${BENCH_ORIGIN}${referencePath}`;
  } else {
    s.benchPages.set(path, html);
    url = `${BENCH_ORIGIN}${path}`;
  }
  const page = await s.context.newPage();
  try {
    const cdp = await s.context.newCDPSession(page);
    // Thread CPU time, not wall time: on a loaded machine a descheduled main thread must not count.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load' });
    // The content script runs at document_idle; let every mode settle the same way before timing.
    await page.waitForTimeout(800);
    const before = await metrics(cdp);
    if (profile) await startProfile(cdp);
    const t0 = Date.now();
    await page.evaluate('window.__bench.start()');

    const posts = tweets.length;
    let last = await progress(page);
    let lastChange = Date.now();
    let lastKey = '';
    // Poll slowly (the poll itself is main-thread work, equal in every mode). Mode A must see every
    // post marked and every mention prioritised; if prioritising stalls for 5 s we keep what we have.
    while (!doneFor(mode, last, posts, mentions)) {
      if (Date.now() - t0 > 60_000) throw new Error(`run ${tag} stalled: ${JSON.stringify(last)}`);
      await page.waitForTimeout(250);
      last = await progress(page);
      const key = `${last.appended}/${last.read}/${last.marked}/${last.prioritised}`;
      if (key !== lastKey) {
        lastKey = key;
        lastChange = Date.now();
      } else if (mode === 'A' && last.marked >= posts && Date.now() - lastChange > 5_000) {
        break;
      }
    }
    const wallMs = Date.now() - t0;
    let attribution: Attribution | undefined;
    if (profile) attribution = await stopProfile(cdp, { urlPart: '/content-scripts/', functionName: mode === 'E' || mode === 'F' ? 'contractFloor' : 'bareObserver' });
    const after = await metrics(cdp);
    const delta = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000;
    const longTasks = LongTasksSchema.parse(await page.evaluate('window.__bench.longTasks()'));
    const maxLongTaskMs = longTasks.reduce((m, t) => Math.max(m, t.duration), 0);
    return {
      mode,
      taskMs: delta('TaskDuration'),
      scriptMs: delta('ScriptDuration'),
      layoutMs: delta('LayoutDuration'),
      styleMs: delta('RecalcStyleDuration'),
      maxLongTaskMs,
      longTasks: longTasks.length,
      wallMs,
      prioritised: last.prioritised,
      observerMs: mode !== 'A' && mode !== 'C' ? z.number().parse(await page.evaluate('window.__bench.observerMs()')) : 0,
      ...(attribution ? { attributedMs: mode === 'A' ? attribution.byUrlMs : attribution.byFunctionMs } : {}),
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function benchPipeline(options: PipelineBenchOptions = {}): Promise<PipelineBenchResult> {
  const posts = options.posts ?? 2000;
  const batchSize = options.batchSize ?? 20;
  const intervalMs = options.intervalMs ?? 30;
  const repeats = options.repeats ?? 3;
  const log = options.log ?? (() => undefined);

  return withExtension(options.limitMs ?? 300_000, async (s) => {
    await createBenchBrand(s, BRAND);

    const runs: PipelineRun[] = [];
    let mentions = 0;
    // Warm-up (not recorded): wakes the service worker and JITs both sides of the pipeline.
    {
      const warm = benchTweets(200, 1_700_000_000_000_000_000n);
      await runOnce(s, 'A', warm, warm.filter((_, i) => i % MENTION_EVERY === 0).length, { batchSize, intervalMs }, 'warm');
    }
    for (let r = 0; r < repeats; r++) {
      // Fresh post ids per repeat, so every A run does first-seen work (classify + DB insert).
      const tweets = benchTweets(posts, 1_750_000_000_000_000_000n + BigInt(r) * 1_000_000n);
      mentions = tweets.filter((_, i) => i % MENTION_EVERY === 0).length;
      // Rotate the order so no mode always runs first (or right after the background's writes).
      const order: StreamMode[] = (['A', 'B', 'C', 'D', 'E', 'F'] as const).map((_, k, all) => all[(k + r) % all.length] ?? 'C');
      for (const mode of order) {
        const run = await runOnce(s, mode, tweets, mentions, { batchSize, intervalMs }, `${mode}${r}`);
        log(
          `  run ${mode}${r}: main-thread CPU ${round(run.taskMs)} ms (script ${round(run.scriptMs)}, layout ${round(run.layoutMs)}, style ${round(run.styleMs)}), longest task ${round(run.maxLongTaskMs)} ms, ${run.wallMs} ms wall`,
        );
        runs.push(run);
      }
    }

    let profiled: PipelineBenchResult['profiled'];
    if (options.profile ?? true) {
      const tweets = benchTweets(posts, 1_750_000_000_000_000_000n + 9_000_000n);
      const pa = await runOnce(s, 'A', tweets, mentions, { batchSize, intervalMs }, 'Aprof', true);
      const pb = await runOnce(s, 'B', tweets, mentions, { batchSize, intervalMs }, 'Bprof', true);
      const pd = await runOnce(s, 'D', tweets, mentions, { batchSize, intervalMs }, 'Dprof', true);
      const pe = await runOnce(s, 'E', tweets, mentions, { batchSize, intervalMs }, 'Eprof', true);
      const pf = await runOnce(s, 'F', tweets, mentions, { batchSize, intervalMs }, 'Fprof', true);
      const contentScriptUsPerPost = round(((pa.attributedMs ?? NaN) * 1000) / posts, 1);
      const bareObserverUsPerPost = round(((pb.attributedMs ?? NaN) * 1000) / posts, 1);
      const contentWorldBareUsPerPost = round(((pd.attributedMs ?? NaN) * 1000) / posts, 1);
      const contractFloorUsPerPost = round(((pe.attributedMs ?? NaN) * 1000) / posts, 1);
      const contentWorldFloorUsPerPost = round(((pf.attributedMs ?? NaN) * 1000) / posts, 1);
      profiled = {
        contentScriptUsPerPost,
        bareObserverUsPerPost,
        ratio: round(contentScriptUsPerPost / bareObserverUsPerPost, 1),
        contentWorldBareUsPerPost,
        contentWorldRatio: round(contentScriptUsPerPost / contentWorldBareUsPerPost, 1),
        contractFloorUsPerPost,
        contentWorldFloorUsPerPost,
      };
      log(
        `  profiled: content script ${contentScriptUsPerPost} µs/post, bare observer ${bareObserverUsPerPost} µs/post (page script), ${contentWorldBareUsPerPost} µs/post (content script), contract floor ${contractFloorUsPerPost} µs/post (page script), ${contentWorldFloorUsPerPost} µs/post (content script)`,
      );
    }

    const of = (mode: StreamMode) => runs.filter((x) => x.mode === mode);
    const med = (mode: StreamMode, pick: (x: PipelineRun) => number) => median(of(mode).map(pick));
    const a = med('A', (x) => x.taskMs);
    const b = med('B', (x) => x.taskMs);
    const c = med('C', (x) => x.taskMs);
    const d = med('D', (x) => x.taskMs);
    const e = med('E', (x) => x.taskMs);
    const selfB = med('B', (x) => x.observerMs);
    const selfE = med('E', (x) => x.observerMs);
    const f = med('F', (x) => x.taskMs);
    const ratioPerRepeat = Array.from({ length: repeats }, (_, r) => {
      const [ar, br, cr] = (['A', 'B', 'C'] as const).map((m) => of(m)[r]?.taskMs ?? Number.NaN);
      return round(((ar ?? NaN) - (cr ?? NaN)) / ((br ?? NaN) - (cr ?? NaN)), 2);
    });
    const ratio = b - c > 0 ? (a - c) / (b - c) : Number.NaN;
    const sa = med('A', (x) => x.scriptMs);
    const sb = med('B', (x) => x.scriptMs);
    const sc = med('C', (x) => x.scriptMs);
    const maxLong = (mode: StreamMode) => round(med(mode, (x) => x.maxLongTaskMs));
    const perPost = (ms: number) => round((ms * 1000) / posts, 1);
    return {
      posts,
      mentions,
      repeats,
      runs,
      perPostUs: { A: perPost(a), B: perPost(b), C: perPost(c), D: perPost(d), E: perPost(e), F: perPost(f) },
      ratio: round(ratio, 2),
      ratioPerRepeat,
      scriptRatio: round(sb - sc > 0 ? (sa - sc) / (sb - sc) : Number.NaN, 2),
      bareObserverSelfUsPerPost: perPost(med('B', (x) => x.observerMs)),
      ratioVsSelfTimed: round((a - c) / med('B', (x) => x.observerMs), 1),
      extensionUsPerPost: perPost(a - c),
      bareUsPerPost: perPost(b - c),
      contentWorld: {
        bareUsPerPost: perPost(d - c),
        ratio: round(d - c > 0 ? (a - c) / (d - c) : Number.NaN, 2),
        bareSelfUsPerPost: perPost(med('D', (x) => x.observerMs)),
        ratioVsSelfTimed: round((a - c) / med('D', (x) => x.observerMs), 1),
        profiledBareUsPerPost: profiled?.contentWorldBareUsPerPost,
        profiledRatio: profiled?.contentWorldRatio,
      },
      floor: {
        usPerPost: perPost(e - c),
        selfUsPerPost: perPost(selfE),
        profiledUsPerPost: profiled?.contractFloorUsPerPost,
        overBare: round(b - c > 0 ? (e - c) / (b - c) : Number.NaN, 2),
        overBareSelfTimed: round(selfE / selfB, 2),
        overBareProfiled: profiled ? round(profiled.contractFloorUsPerPost / profiled.bareObserverUsPerPost, 2) : undefined,
        pipelineRatio: round(e - c > 0 ? (a - c) / (e - c) : Number.NaN, 2),
        pipelineRatioProfiled: profiled ? round(profiled.contentScriptUsPerPost / profiled.contractFloorUsPerPost, 1) : undefined,
        contentWorld: {
          usPerPost: perPost(f - c),
          selfUsPerPost: perPost(med('F', (x) => x.observerMs)),
          profiledUsPerPost: profiled?.contentWorldFloorUsPerPost,
          pipelineRatio: round(f - c > 0 ? (a - c) / (f - c) : Number.NaN, 2),
          pipelineRatioProfiled: profiled ? round(profiled.contentScriptUsPerPost / profiled.contentWorldFloorUsPerPost, 1) : undefined,
        },
      },
      maxLongTaskMs: { A: maxLong('A'), B: maxLong('B'), C: maxLong('C'), D: maxLong('D'), E: maxLong('E'), F: maxLong('F') },
      profiled,
      markedWithinMs: med('A', (x) => x.wallMs),
      // Met only when every measure meets it: B − C is small and noisy, so `ratio` alone can
      // pass (or fail) by chance; the profiled and self-timed ratios do not subtract runs.
      goals: {
        ratioMax: 2,
        longTaskMaxMs: 50,
        ratioMet: ratio <= 2 && (a - c) / med('B', (x) => x.observerMs) <= 2 && (profiled === undefined || profiled.ratio <= 2),
        longTaskMet: maxLong('A') < 50 || maxLong('A') <= maxLong('C'),
      },
    };
  });
}
