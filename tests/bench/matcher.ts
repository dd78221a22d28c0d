/**
 * Matcher throughput: the Aho-Corasick matcher against the naive per-term indexOf loop (same
 * normalisation, same rules), over real posts from ../shared/data/support/*.csv when present,
 * else a generated corpus. Posts are matched one at a time, as the extension does.
 * Run: `npx tsx tests/bench/matcher.ts` (prints one JSON line).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { compileMatcher, type Matcher } from '../../lib/matching/matcher';
import { compileNaiveMatcher } from '../../lib/matching/naive';
import { BrandProfileSchema, type BrandProfile } from '../../lib/schemas/settings';

export interface MatcherBenchResult {
  mbPerSec: number;
  naiveMbPerSec: number;
  ratio: number;
  terms: number;
  bytes: number;
  posts: number;
  source: 'support-csv' | 'generated';
  matches: number;
}

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const CYRILLIC = 'абвгдежзиклмнопрстуфхцчшщыэюя';
const HAN = '小米华为联想腾讯阿里巴淘宝京东美团滴出行手机电脑服务客户支持退款订单快递航空公司';

function word(rand: () => number, alphabet: string, min: number, max: number): string {
  const len = min + Math.floor(rand() * (max - min + 1));
  let s = '';
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

// Real brands in the support data, so the real corpus produces real matches.
const REAL = ['united', 'americanair', 'southwestair', 'jetblue', 'usairways', 'virginamerica', 'delta', 'applesupport', 'amazonhelp', 'spotifycares'];

/** 300 terms over 10 brands: handles, hashtags, Latin/Cyrillic/Chinese names, products, misspellings. */
export function benchProfiles(): BrandProfile[] {
  const rand = rng(42);
  const profiles: BrandProfile[] = [];
  for (let b = 0; b < 10; b++) {
    const real = REAL[b]!;
    const latin = (n: number) => Array.from({ length: n }, () => word(rand, LATIN, 4, 10));
    profiles.push(
      BrandProfileSchema.parse({
        id: `brand${b}`,
        name: real,
        handles: [real, `${real}help`, ...latin(2)],
        hashtags: [`#${real}`, ...latin(3).map((w) => `#${w}`)],
        names: [real, `${real} support`, ...latin(3), ...Array.from({ length: 3 }, () => word(rand, CYRILLIC, 4, 9)), ...Array.from({ length: 3 }, () => word(rand, HAN, 2, 4))],
        products: [...latin(4), `${word(rand, LATIN, 3, 6)} ${word(rand, LATIN, 3, 6)}`, word(rand, HAN, 2, 3)],
        misspellings: [`${real}e`, ...latin(2), word(rand, CYRILLIC, 4, 7)],
        exclusions: [`${real} of perfection`],
        createdAt: 0,
        updatedAt: 0,
      }),
    );
  }
  return profiles;
}

/** Configured terms (exclusions included: they are searched for too). */
const countTerms = (ps: readonly BrandProfile[]) =>
  ps.reduce((n, p) => n + p.handles.length + p.hashtags.length + p.names.length + p.products.length + p.misspellings.length + p.exclusions.length, 0);

function supportPosts(): string[] | undefined {
  const dir = resolve(process.cwd(), '../shared/data/support');
  if (!existsSync(dir)) return undefined;
  const posts: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const parsed = Papa.parse<Record<string, unknown>>(readFileSync(join(dir, file), 'utf8'), { header: true, skipEmptyLines: true });
    for (const row of parsed.data) {
      const text = row['text'];
      // Flattened copies: CSV fields are slices of one big string, which V8 reads much more
      // slowly than the flat strings the extension gets from DOM textContent.
      if (typeof text === 'string' && text !== '') posts.push(text.split('').join(''));
    }
  }
  return posts.length > 0 ? posts : undefined;
}

function generatedPosts(): string[] {
  const rand = rng(7);
  const vocab = ['my', 'flight', 'was', 'late', 'again', 'thanks', 'refund', 'please', 'help', 'bag', 'lost', '@united', '#delta', 'JetBlue', 'Спасибо', 'заказ', '我的', '手机', '坏了', '🔥', 'https://t.co/x1', 'Acme-branded', 'ＡＣＭＥ'];
  return Array.from({ length: 15000 }, () => {
    const n = 8 + Math.floor(rand() * 20);
    return Array.from({ length: n }, () => vocab[Math.floor(rand() * vocab.length)]).join(' ');
  });
}

/** Repeats the posts until at least `minBytes` of UTF-8, for stable timings. */
function corpus(posts: readonly string[], minBytes: number): { posts: string[]; bytes: number } {
  const enc = new TextEncoder();
  const once = posts.reduce((n, p) => n + enc.encode(p).length, 0);
  const rounds = Math.max(1, Math.ceil(minBytes / once));
  const out: string[] = [];
  for (let r = 0; r < rounds; r++) out.push(...posts);
  return { posts: out, bytes: once * rounds };
}

/**
 * CPU time of this process, not wall time: the bench machines are shared and often
 * oversubscribed, and time spent descheduled says nothing about the matcher.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function timeRun(matcher: Matcher, posts: readonly string[]): { ms: number; matches: number } {
  let matches = 0;
  const t0 = cpuMs();
  for (const p of posts) matches += matcher.match(p).length;
  return { ms: cpuMs() - t0, matches };
}

/** Best of several runs after a warm-up, interleaving the two matchers so both see the same load. */
function race(fast: Matcher, naive: Matcher, posts: readonly string[], rounds: number) {
  timeRun(fast, posts.slice(0, 2000));
  timeRun(naive, posts.slice(0, 2000));
  let bestFast = { ms: Infinity, matches: 0 };
  let bestNaive = { ms: Infinity, matches: 0 };
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < 3; k++) {
      const f = timeRun(fast, posts);
      if (f.ms < bestFast.ms) bestFast = f;
    }
    const n = timeRun(naive, posts);
    if (n.ms < bestNaive.ms) bestNaive = n;
  }
  return { fast: bestFast, naive: bestNaive };
}

export async function benchMatcher(): Promise<MatcherBenchResult> {
  const profiles = benchProfiles();
  const real = supportPosts();
  const { posts, bytes } = corpus(real ?? generatedPosts(), 6_000_000);
  const { fast, naive } = race(compileMatcher(profiles), compileNaiveMatcher(profiles), posts, 3);
  if (fast.matches !== naive.matches) throw new Error(`matcher and naive disagree: ${fast.matches} vs ${naive.matches}`);
  const mb = bytes / 1e6;
  const mbPerSec = mb / (fast.ms / 1000);
  const naiveMbPerSec = mb / (naive.ms / 1000);
  return {
    mbPerSec: Math.round(mbPerSec * 10) / 10,
    naiveMbPerSec: Math.round(naiveMbPerSec * 10) / 10,
    ratio: Math.round((mbPerSec / naiveMbPerSec) * 10) / 10,
    terms: countTerms(profiles),
    bytes,
    posts: posts.length,
    source: real ? 'support-csv' : 'generated',
    matches: fast.matches,
  };
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  benchMatcher().then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
