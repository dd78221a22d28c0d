/**
 * Triage throughput: scores the real airline tweets (../shared/data, when present) or a generated
 * multilingual corpus, repeatedly, and reports posts per second. Run: npx tsx tests/bench/triage.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { defaultTriageProfile, scorePost } from '../../lib/triage/index';
import { predictComplaint } from '../../lib/triage/model/classifier';
import { lexiconSignals } from '../../lib/triage/model/features';

const REAL = resolve(process.cwd(), '../shared/data/support/airline-sentiment-2015.csv');

function generatedCorpus(n: number): string[] {
  const parts = [
    '@acme my order is still broken #refund',
    'thanks @acme, great service!',
    '@acme how do I reset my password?',
    '@acme не работает приложение, верните деньги',
    '@acme 质量太差了，我要退款',
    'RT to win a free phone @acme #giveaway',
    '@acme waited 3 hours on hold, no one answers. Worst experience ever!!!',
    'Спасибо @acme, всё отлично 👍',
  ];
  return Array.from({ length: n }, (_, i) => `${parts[i % parts.length] ?? ''} #${i}`);
}

function corpus(): string[] {
  if (!existsSync(REAL)) return generatedCorpus(10_000);
  const rows = Papa.parse<Record<string, string | undefined>>(readFileSync(REAL, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return rows.map((r) => r.text ?? '');
}

/** Posts per second of `score` over the corpus for at least `minMs`. */
function rate(texts: readonly string[], minMs: number, score: (text: string) => number): { postsPerSec: number; posts: number } {
  let sink = 0;
  for (const text of texts.slice(0, 500)) sink += score(text);
  let posts = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const text of texts) sink += score(text);
    posts += texts.length;
  }
  const elapsed = performance.now() - start;
  if (sink < 0) console.log(sink);
  return { postsPerSec: Math.round((posts / elapsed) * 1000), posts };
}

/**
 * The complaint model alone (features, dot product, calibration, explanation) with the lexicon
 * signals precomputed as scorePost does, and scorePost with the lexicon rules in its place.
 */
export function benchComplaintModel(minMs = 2000): { modelUsPerPost: number; modelCpuUsPerPost: number; rulesPostsPerSec: number; modelPostsPerSec: number } {
  const texts = corpus();
  const signals = texts.map((t) => lexiconSignals(t));
  const profile = defaultTriageProfile({ handles: ['acme'] });
  let i = 0;
  // CPU time too: on a busy machine wall time mostly measures waiting for a core.
  const cpu0 = process.cpuUsage();
  const model = rate(texts, minMs, (t) => predictComplaint(t, signals[i++ % texts.length]).probability);
  const cpu = process.cpuUsage(cpu0);
  const modelCpuUsPerPost = Math.round(((cpu.user + cpu.system) / (model.posts + 500)) * 10) / 10;
  const rules = rate(texts, minMs, (text) => scorePost({ text }, profile, { now: 0, complaintModel: null }).priority);
  const full = rate(texts, minMs, (text) => scorePost({ text }, profile, { now: 0 }).priority);
  return { modelUsPerPost: Math.round((1e6 / model.postsPerSec) * 10) / 10, modelCpuUsPerPost, rulesPostsPerSec: rules.postsPerSec, modelPostsPerSec: full.postsPerSec };
}

export async function benchTriage(minMs = 3000): Promise<{ postsPerSec: number; posts: number } & ReturnType<typeof benchComplaintModel>> {
  const texts = corpus();
  const profile = defaultTriageProfile({ handles: ['acme'] });
  const now = Date.UTC(2026, 0, 5, 12);
  const createdAt = now - 2 * 3_600_000;
  let sink = 0;
  // Warm-up: regex compilation and JIT are not what we measure.
  for (const text of texts.slice(0, 500)) sink += scorePost({ text, createdAt }, profile, { now }).priority;
  let posts = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const text of texts) sink += scorePost({ text, createdAt }, profile, { now }).priority;
    posts += texts.length;
  }
  const elapsed = performance.now() - start;
  if (sink < 0) console.log(sink); // keep the work observable
  return { postsPerSec: Math.round((posts / elapsed) * 1000), posts, ...benchComplaintModel(Math.min(minMs, 2000)) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchTriage();
  console.log(`triage: ${r.postsPerSec} posts/s over ${r.posts} posts; complaint model ${r.modelUsPerPost} µs/post`);
  console.log(JSON.stringify({ bench: 'triage', ...r }));
}
