/**
 * `npm run bench`: every speed claim, measured in one run and printed as ratios against a baseline
 * measured in the same run (machines are noisy; absolute numbers only travel with their baseline).
 * Each section is guarded: a missing or failing bench prints "skipped: <why>" and the rest go on.
 * Prints a readable table, then one final JSON line with every number. See tests/bench/README.md.
 *
 * Env: BENCH_ONLY=matcher,contentSize,triage,review,pipeline,stream,streamFacebook,queue,team  runs a subset;
 *      BENCH_NO_BUILD=1  never builds the extension (browser sections skip when it is missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Row = [label: string, value: string, goal?: string, met?: boolean];

interface Section {
  id: string;
  title: string;
  module: string;
  exportName: string;
  args: unknown[];
  /** Rows to print; anything it cannot read from the result is simply left out. */
  rows: (r: Record<string, unknown>) => Row[];
}

const ROOT = process.cwd();
const EXTENSION_MANIFEST = path.join(ROOT, '.output/chrome-mv3/manifest.json');
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const num = (r: Record<string, unknown>, key: string): number | undefined => {
  const v = r[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const sub = (r: Record<string, unknown>, key: string): Record<string, unknown> => {
  const v = r[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v)) : {};
};
const fmt = (n: number | undefined, unit = '', digits = 1): string =>
  n === undefined ? 'n/a' : `${n.toLocaleString('en-US', { maximumFractionDigits: digits })}${unit}`;
const atLeast = (n: number | undefined, goal: number) => (n === undefined ? undefined : n >= goal);
const atMost = (n: number | undefined, goal: number) => (n === undefined ? undefined : n <= goal);
const below = (n: number | undefined, goal: number) => (n === undefined ? undefined : n < goal);
const log = (line: string) => console.log(line);

const SECTIONS: Section[] = [
  {
    id: 'matcher',
    title: 'Brand matcher (Node)',
    module: 'tests/bench/matcher.ts',
    exportName: 'benchMatcher',
    args: [],
    rows: (r) => [
      ['matcher throughput', fmt(num(r, 'mbPerSec'), ' MB/s'), '≥ 150 MB/s', atLeast(num(r, 'mbPerSec'), 150)],
      ['naive per-term loop', fmt(num(r, 'naiveMbPerSec'), ' MB/s')],
      ['speed-up over naive', fmt(num(r, 'ratio'), '×'), '≥ 20×', atLeast(num(r, 'ratio'), 20)],
      ['terms / posts / bytes', `${fmt(num(r, 'terms'), '', 0)} / ${fmt(num(r, 'posts'), '', 0)} / ${fmt(num(r, 'bytes'), '', 0)}`],
      ['corpus', String(r.source ?? 'n/a')],
    ],
  },
  {
    id: 'contentSize',
    title: 'Content script size (gzip -9)',
    module: 'scripts/contentBundle.ts',
    exportName: 'benchContentSize',
    args: [],
    // One content script per site (entrypoints/<site>.content.ts): each is measured on its own.
    rows: (r) =>
      Object.keys(r)
        .flatMap((key) => /^(\w+)BundledGzip$/.exec(key)?.[1] ?? [])
        .flatMap((site) => [
          [`${site}: bundled (esbuild, without WXT runtime)`, fmt(num(r, `${site}BundledGzip`), ' B', 0), `≤ ${fmt(num(r, 'budget'), ' B', 0)}`, atMost(num(r, `${site}BundledGzip`), num(r, 'budget') ?? 0)],
          [
            `${site}: built chrome-mv3 / firefox-mv2`,
            `${fmt(num(r, `${site}ChromeGzip`), ' B', 0)} / ${fmt(num(r, `${site}FirefoxGzip`), ' B', 0)}`,
            '≤ 30,000 B (issue 19)',
            atMost(Math.max(num(r, `${site}ChromeGzip`) ?? 0, num(r, `${site}FirefoxGzip`) ?? 0) || undefined, 30_000),
          ],
        ]),
  },
  {
    id: 'triage',
    title: 'Triage scoring (Node)',
    module: 'tests/bench/triage.ts',
    exportName: 'benchTriage',
    args: [],
    rows: (r) => [
      ['posts scored per second', fmt(num(r, 'postsPerSec'), '/s', 0)],
      ['posts scored', fmt(num(r, 'posts'), '', 0)],
      ['complaint model inference per post', fmt(num(r, 'modelUsPerPost'), ' µs'), '≤ 200 µs', atMost(num(r, 'modelUsPerPost'), 200)],
      ['  the same, CPU time of the process', fmt(num(r, 'modelCpuUsPerPost'), ' µs')],
      ['scorePost: lexicon rules / with model', `${fmt(num(r, 'rulesPostsPerSec'), '/s', 0)} / ${fmt(num(r, 'modelPostsPerSec'), '/s', 0)}`],
    ],
  },
  {
    id: 'review',
    title: 'Review rollups + metrics (Node)',
    module: 'tests/bench/review.ts',
    exportName: 'benchReviewPure',
    args: [],
    rows: (r) => [
      ['replies / rollups', `${fmt(num(r, 'entries'), '', 0)} / ${fmt(num(r, 'rollups'), '', 0)}`],
      ['build rollups', fmt(num(r, 'buildRollupsMs'), ' ms')],
      ['all review metrics from rollups', fmt(num(r, 'metricsMs'), ' ms', 2)],
      ['goal progress', fmt(num(r, 'goalMs'), ' ms', 2)],
    ],
  },
  {
    id: 'pipeline',
    title: 'Content-script pipeline (Chromium, 2,000 streamed posts)',
    module: 'tests/bench/browser/pipeline.ts',
    exportName: 'benchPipeline',
    args: [{ log }],
    rows: (r) => {
      const us = sub(r, 'perPostUs');
      const world = sub(r, 'contentWorld');
      const floorWorld = sub(sub(r, 'floor'), 'contentWorld');
      const longest = sub(r, 'maxLongTaskMs');
      const a = num(longest, 'A');
      const c = num(longest, 'C');
      return [
        ['posts / mentions / repeats', `${fmt(num(r, 'posts'), '', 0)} / ${fmt(num(r, 'mentions'), '', 0)} / ${fmt(num(r, 'repeats'), '', 0)}`],
        ['main thread per post: A extension', fmt(num(us, 'A'), ' µs')],
        ['main thread per post: B bare observer', fmt(num(us, 'B'), ' µs')],
        ['main thread per post: C page alone', fmt(num(us, 'C'), ' µs')],
        ['extension cost (A − C)', fmt(num(r, 'extensionUsPerPost'), ' µs/post')],
        ['bare observer cost (B − C)', fmt(num(r, 'bareUsPerPost'), ' µs/post')],
        ['ratio (A − C) / (B − C)', fmt(num(r, 'ratio'), '×', 2), '≤ 2×', atMost(num(r, 'ratio'), 2)],
        ['ratio per repeat', Array.isArray(r.ratioPerRepeat) ? r.ratioPerRepeat.join(', ') : 'n/a'],
        ['same ratio, JavaScript time only', fmt(num(r, 'scriptRatio'), '×', 2)],
        ['bare observer, self-timed in page', fmt(num(r, 'bareObserverSelfUsPerPost'), ' µs/post')],
        ['(A − C) / self-timed bare observer', fmt(num(r, 'ratioVsSelfTimed'), '×'), '≤ 2×', atMost(num(r, 'ratioVsSelfTimed'), 2)],
        ['profiled JS µs/post: content script / bare', `${fmt(num(sub(r, 'profiled'), 'contentScriptUsPerPost'))} / ${fmt(num(sub(r, 'profiled'), 'bareObserverUsPerPost'))}`],
        ['profiled JS ratio', fmt(num(sub(r, 'profiled'), 'ratio'), '×'), '≤ 2×', atMost(num(sub(r, 'profiled'), 'ratio'), 2)],
        ['per-post goal, every measure above ≤ 2×', '', '≤ 2×', typeof sub(r, 'goals')['ratioMet'] === 'boolean' ? sub(r, 'goals')['ratioMet'] === true : undefined],
        ['reference D: bare observer as a content script', ''],
        ['  main thread per post: D', fmt(num(us, 'D'), ' µs')],
        ['  its cost (D − C), self-timed', `${fmt(num(world, 'bareUsPerPost'), ' µs/post')}, ${fmt(num(world, 'bareSelfUsPerPost'), ' µs/post')}`],
        ['  (A − C) / (D − C), / self-timed D', `${fmt(num(world, 'ratio'), '×', 2)}, ${fmt(num(world, 'ratioVsSelfTimed'), '×')}`],
        ['  profiled JS: content script / D, ratio', `${fmt(num(sub(r, 'profiled'), 'contentScriptUsPerPost'))} / ${fmt(num(world, 'profiledBareUsPerPost'))}, ${fmt(num(world, 'profiledRatio'), '×')}`],
        ['contract floor E: bare observer + key + mark + plain brand test', ''],
        ['  main thread per post: E; its cost (E − C), self-timed', `${fmt(num(us, 'E'), ' µs')}; ${fmt(num(sub(r, 'floor'), 'usPerPost'), ' µs/post')}, ${fmt(num(sub(r, 'floor'), 'selfUsPerPost'), ' µs/post')}`],
        ['  floor over bare: (E − C)/(B − C), self-timed, profiled', `${fmt(num(sub(r, 'floor'), 'overBare'), '×', 2)}, ${fmt(num(sub(r, 'floor'), 'overBareSelfTimed'), '×', 2)}, ${fmt(num(sub(r, 'floor'), 'overBareProfiled'), '×', 2)}`],
        ['  pipeline over floor: (A − C)/(E − C), profiled', `${fmt(num(sub(r, 'floor'), 'pipelineRatio'), '×', 2)}, ${fmt(num(sub(r, 'floor'), 'pipelineRatioProfiled'), '×')}`],
        ['  F, the floor as a content script: (F − C), self-timed, profiled', `${fmt(num(floorWorld, 'usPerPost'), ' µs/post')}, ${fmt(num(floorWorld, 'selfUsPerPost'), ' µs/post')}, ${fmt(num(floorWorld, 'profiledUsPerPost'), ' µs/post')}`],
        ['  pipeline over F: (A − C)/(F − C), profiled', `${fmt(num(floorWorld, 'pipelineRatio'), '×', 2)}, ${fmt(num(floorWorld, 'pipelineRatioProfiled'), '×')}`],
        ['longest task, A / C', `${fmt(a, ' ms')} / ${fmt(c, ' ms')}`, '< 50 ms', a === undefined ? undefined : a < 50 || (c !== undefined && a <= c)],
        ['all posts marked + mentions prioritised', fmt(num(r, 'markedWithinMs'), ' ms after first batch', 0)],
      ];
    },
  },
  {
    id: 'stream',
    title: 'Flick scroll with row removal (Chromium, 2,000 posts at 200 posts/s)',
    module: 'tests/bench/browser/stream.ts',
    exportName: 'benchStream',
    args: [{ log }],
    rows: (r) => {
      const prof = sub(r, 'profiled');
      const real = sub(r, 'profiledRealRows');
      const task = sub(r, 'taskUsPerPost');
      const longest = sub(r, 'maxLongTaskMs');
      const heap = sub(r, 'heap');
      const kb = (key: string) => {
        const bytes = num(heap, key);
        return fmt(bytes === undefined ? undefined : bytes / 1024, ' kB', 0);
      };
      const queued = num(r, 'queued');
      const mentions = num(r, 'mentions');
      return [
        ['posts / mentions / posts per s / most rows in page', `${fmt(num(r, 'posts'), '', 0)} / ${fmt(mentions, '', 0)} / ${fmt(num(r, 'postsPerSecond'), '', 0)} / ${fmt(num(r, 'maxRowsInPage'), '', 0)}`],
        ['mentions queued / in the stream (worst run)', `${fmt(queued, '', 0)} / ${fmt(mentions, '', 0)}`, '100 %', queued === undefined || mentions === undefined ? undefined : queued >= mentions],
        ['  per run', Array.isArray(r.queuedPerRepeat) ? r.queuedPerRepeat.join(', ') : 'n/a'],
        ['floor: posts read / posts', `${fmt(num(r, 'floorRead'), '', 0)} / ${fmt(num(r, 'posts'), '', 0)}`],
        ['profiled JS µs/post: ours / content-script floor', `${fmt(num(prof, 'oursUsPerPost'))} / ${fmt(num(prof, 'floorUsPerPost'))}`],
        ['ours over the floor (profiled, median of pairs)', fmt(num(prof, 'ratio'), '×', 2), '≤ 2.5×', atMost(num(prof, 'ratio'), 2.5)],
        ['  per pair', Array.isArray(prof.ratioPerPair) ? prof.ratioPerPair.join(', ') : 'n/a'],
        ['  by sample count (a late sample is one interval), median; per pair', `${fmt(num(prof, 'sampledRatio'), '×', 2)}; ${Array.isArray(prof.sampledRatioPerPair) ? prof.sampledRatioPerPair.join(', ') : 'n/a'}`],
        ['on real X rows (~120 elements a post): ours / floor, µs/post', r.profiledRealRows === undefined ? 'skipped: no ../shared/data' : `${fmt(num(real, 'oursUsPerPost'))} / ${fmt(num(real, 'floorUsPerPost'))}`],
        ['  ours over the floor on real rows (median of pairs)', fmt(num(real, 'ratio'), '×', 2), '≤ 2.5×', atMost(num(real, 'ratio'), 2.5)],
        ['  per pair', Array.isArray(real.ratioPerPair) ? real.ratioPerPair.join(', ') : 'n/a'],
        ['  by sample count, median; per pair', `${fmt(num(real, 'sampledRatio'), '×', 2)}; ${Array.isArray(real.sampledRatioPerPair) ? real.sampledRatioPerPair.join(', ') : 'n/a'}`],
        ['JS thread-CPU µs/post net of page: ours / floor; ratio', `${fmt(num(sub(r, 'scriptUsPerPost'), 'ours'))} / ${fmt(num(sub(r, 'scriptUsPerPost'), 'floor'))}; ${fmt(num(r, 'scriptRatio'), '×', 2)}`],
        ['main thread µs/post: A ours / F floor / C page', `${fmt(num(task, 'A'))} / ${fmt(num(task, 'F'))} / ${fmt(num(task, 'C'))}`],
        ['(A − C) / (F − C), median; per repeat', `${fmt(num(r, 'taskRatio'), '×', 2)}; ${Array.isArray(r.taskRatioPerRepeat) ? r.taskRatioPerRepeat.join(', ') : 'n/a'}`],
        ['longest task, A / F / C', `${fmt(num(longest, 'A'), ' ms')} / ${fmt(num(longest, 'F'), ' ms')} / ${fmt(num(longest, 'C'), ' ms')}`],
        [`heap after ${fmt(num(heap, 'rows'), '', 0)} recycled rows, V8 (page isolate): ours / page`, `${kb('oursJsBytes')} / ${kb('pageJsBytes')}`],
        ['  Blink DOM heap: ours / page', `${kb('oursEmbedderBytes')} / ${kb('pageEmbedderBytes')}`],
        ['  growth, ours − page alone (both heaps)', fmt(num(heap, 'growthMb'), ' MB', 2), '≤ 2 MB', atMost(num(heap, 'growthMb'), 2)],
      ];
    },
  },
  {
    id: 'streamFacebook',
    title: 'Facebook flick with unit removal (Chromium, 2,100 posts and comments at 210 a second)',
    module: 'tests/bench/browser/facebookStream.ts',
    exportName: 'benchFacebookStream',
    args: [{ log }],
    rows: (r) => {
      const queued = num(r, 'queued');
      const mentions = num(r, 'mentions');
      return [
        ['posts and comments / mentions / per s', `${fmt(num(r, 'items'), '', 0)} / ${fmt(mentions, '', 0)} / ${fmt(num(r, 'itemsPerSecond'), '', 0)}`],
        ['mentions queued / in the stream (worst run)', `${fmt(queued, '', 0)} / ${fmt(mentions, '', 0)}`, '100 %', queued === undefined || mentions === undefined ? undefined : queued >= mentions],
        ['floor: posts and comments read / in the stream', `${fmt(num(r, 'floorRead'), '', 0)} / ${fmt(num(r, 'items'), '', 0)}`],
        ['profiled JS µs per post or comment: ours / Facebook floor', `${fmt(num(r, 'oursUsPerItem'))} / ${fmt(num(r, 'floorUsPerItem'))}`],
        ['ours over the floor (profiled, median of pairs)', fmt(num(r, 'ratio'), '×', 2), '≤ 2.5×', atMost(num(r, 'ratio'), 2.5)],
        ['  per pair', Array.isArray(r.ratioPerPair) ? r.ratioPerPair.join(', ') : 'n/a'],
        ['  by sample count, median; per pair', `${fmt(num(r, 'sampledRatio'), '×', 2)}; ${Array.isArray(r.sampledRatioPerPair) ? r.sampledRatioPerPair.join(', ') : 'n/a'}`],
      ];
    },
  },
  {
    id: 'queue',
    title: 'Queue at 100,000 items (Chromium IndexedDB)',
    module: 'tests/bench/browser/queue.ts',
    exportName: 'benchQueue',
    args: [{ log }],
    rows: (r) => [
      ['queue items (new) + posts', `${fmt(num(r, 'items'), '', 0)} (${fmt(num(r, 'newItems'), '', 0)})`],
      ['seed, raw IndexedDB, 10k per transaction', fmt(num(r, 'seedMs'), ' ms', 0)],
      ['first 50-row page, [state+rank] reversed', fmt(num(r, 'firstPageMs'), ' ms', 2), '< 50 ms', below(num(r, 'firstPageMs'), 50)],
      ['six state counts via the index (panel chips)', fmt(num(r, 'countsMs'), ' ms', 0)],
      ['read all rows (getAll)', fmt(num(r, 'getAllMs'), ' ms', 0)],
      ['getAll / first page', fmt(num(r, 'ratio'), '×', 0)],
      ['side panel reload → first row visible', fmt(num(r, 'panelFirstRowMs'), ' ms', 0), '< 1,000 ms', below(num(r, 'panelFirstRowMs'), 1000)],
    ],
  },
  {
    id: 'reviewBrowser',
    title: 'Team review at 100,000 replies (Chromium, review page)',
    module: 'tests/bench/browser/review.ts',
    exportName: 'benchReviewBrowser',
    args: [{ log }],
    rows: (r) => [
      ['bundles / replies / mentions / MB', `${fmt(num(r, 'bundles'), '', 0)} / ${fmt(num(r, 'entries'), '', 0)} / ${fmt(num(r, 'mentions'), '', 0)} / ${fmt(num(r, 'bundleMb'))}`],
      ['import + merge (file input → background → one write per batch)', fmt(num(r, 'importMs'), ' ms', 0)],
      ['re-import one bundle (nothing to write)', fmt(num(r, 'reimportMs'), ' ms', 0)],
      ['rollups read for the quarter', fmt(num(r, 'rollupsRead'), '', 0)],
      ['all metrics for the quarter (read + compute), median', fmt(num(r, 'metricsMs'), ' ms', 0), '≤ 500 ms', atMost(num(r, 'metricsMs'), 500)],
      ['samples', Array.isArray(r.metricsSamplesMs) ? r.metricsSamplesMs.join(', ') : 'n/a'],
      ['goal saved → check-in shown', fmt(num(r, 'goalMs'), ' ms', 0)],
    ],
  },
  {
    id: 'team',
    title: 'Team server (2 nodes on one PostgreSQL, 50 agents, loopback)',
    module: 'tests/bench/team.ts',
    exportName: 'benchTeam',
    args: [{ log }],
    rows: (r) => [
      ['agents / nodes / claims (refused)', `${fmt(num(r, 'agents'), '', 0)} / ${fmt(num(r, 'nodes'), '', 0)} / ${fmt(num(r, 'claims'), '', 0)} (${fmt(num(r, 'claimsRefused'), '', 0)})`],
      ['claim round trip p50', fmt(num(r, 'claimP50Ms'), ' ms')],
      ['claim round trip p99', fmt(num(r, 'claimP99Ms'), ' ms'), '≤ 50 ms', atMost(num(r, 'claimP99Ms'), 50)],
      ['change fan-out to live connections (count)', fmt(num(r, 'fanoutConnections'), '', 0)],
      ['fan-out p50', fmt(num(r, 'fanoutP50Ms'), ' ms')],
      ['fan-out p99', fmt(num(r, 'fanoutP99Ms'), ' ms'), '≤ 1,000 ms', atMost(num(r, 'fanoutP99Ms'), 1000)],
      ['sightings ingested per second', fmt(num(r, 'sightingsPerSec'), '/s', 0)],
    ],
  },
];

const BROWSER_SECTIONS = new Set(['pipeline', 'stream', 'streamFacebook', 'queue', 'reviewBrowser']);

/** Builds the extension once when it is missing, so a fresh clone can run the bench. */
async function ensureExtensionBuilt(): Promise<string | undefined> {
  // A build may be under way (the output folder is emptied first): give it a minute before building.
  for (let waited = 0; !existsSync(EXTENSION_MANIFEST) && waited < 60_000; waited += 2000) {
    if (waited === 0) log('No built extension yet; waiting up to 60 s for a build in progress…');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  if (existsSync(EXTENSION_MANIFEST)) return undefined;
  if (process.env.BENCH_NO_BUILD) return 'no built extension at .output/chrome-mv3 (run `npm run build`)';
  log('No built extension: running `npx wxt build` once…');
  const built = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: ROOT, timeout: 240_000 });
  return built.status === 0 && existsSync(EXTENSION_MANIFEST) ? undefined : '`npx wxt build` failed';
}

async function loadBench(section: Section): Promise<(() => Promise<unknown>) | string> {
  const file = path.join(ROOT, section.module);
  if (!existsSync(file)) return `${section.module} does not exist yet`;
  const mod: unknown = await import(pathToFileURL(file).href);
  const fn: unknown = typeof mod === 'object' && mod !== null ? Reflect.get(mod, section.exportName) : undefined;
  if (typeof fn !== 'function') return `${section.module} has no ${section.exportName}()`;
  return async () => {
    const result: unknown = await Reflect.apply(fn, undefined, section.args);
    return result;
  };
}

function printTable(title: string, rows: Row[]): void {
  const w = Math.max(...rows.map(([label]) => label.length), 10);
  const v = Math.max(...rows.map(([, value]) => value.length), 6);
  log(`\n${title}`);
  for (const [label, value, goal, met] of rows) {
    const verdict = goal === undefined ? '' : `  goal ${goal}${met === undefined ? '' : met ? '  ✓' : '  ✗ MISSED'}`;
    log(`  ${label.padEnd(w)}  ${value.padStart(v)}${verdict}`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const all: Record<string, unknown> = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAvg1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  };
  log(`Replyline bench — ${all.at} — ${cpus().length} CPUs, load ${all.loadAvg1m} (ratios are the claims; absolute times depend on load)`);

  let buildProblem: string | undefined;
  let buildChecked = false;
  for (const section of SECTIONS) {
    if (only.size > 0 && !only.has(section.id)) continue;
    const t0 = Date.now();
    try {
      if (BROWSER_SECTIONS.has(section.id)) {
        if (!buildChecked) {
          buildProblem = await ensureExtensionBuilt();
          buildChecked = true;
          if (!buildProblem) all.extensionBuiltAt = statSync(EXTENSION_MANIFEST).mtime.toISOString();
        }
        if (buildProblem) throw new Error(buildProblem);
      }
      const run = await loadBench(section);
      if (typeof run === 'string') throw new Error(run);
      log(`\n… ${section.title}`);
      const result = await run();
      const record = typeof result === 'object' && result !== null ? Object.fromEntries(Object.entries(result)) : { value: result };
      record.sectionSeconds = Math.round((Date.now() - t0) / 100) / 10;
      all[section.id] = record;
      printTable(`${section.title} — ${record.sectionSeconds} s`, section.rows(record));
    } catch (error) {
      const why = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
      all[section.id] = { skipped: why };
      log(`\n${section.title}\n  skipped: ${why}`);
    }
  }
  all.totalSeconds = Math.round((Date.now() - started) / 100) / 10;
  log(`\nTotal ${all.totalSeconds} s`);
  log(JSON.stringify(all));
}

main().then(
  // Exit explicitly: a stray handle from a skipped section must not keep the bench alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
