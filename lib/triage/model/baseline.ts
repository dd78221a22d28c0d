/**
 * A plain n-gram baseline for `npm run eval`, never shipped: logistic regression over TF-IDF of
 * word unigrams + bigrams and character n-grams (2–4; 1–3 for grams with a Chinese character), as
 * scikit-learn's defaults would fit it — two TfidfVectorizer blocks (raw counts × smooth IDF, each
 * block L2-normalised), C = 1, unpenalised intercept, full-batch L-BFGS, per-example weights from
 * the caller (class balance within each file). No grievance cues, lexicon signals, language
 * features, negation scopes or hand-set weights: it says what bag-of-n-grams alone reaches on our
 * sets. No random step anywhere, so the same examples give the same weights on every run.
 */
import { hashString, isHanCode, normalizeForModel } from './features';
import { lbfgs } from './lbfgs';
import type { Example } from './train';

export interface BaselineOptions {
  /** Hash buckets 2^bits (the shipped model's count, so capacity is alike). */
  bits: number;
  /** Inverse regularisation strength, as scikit-learn's C. */
  c: number;
  maxIterations: number;
  /** L-BFGS history pairs. */
  memory: number;
}

export const BASELINE_OPTIONS: BaselineOptions = { bits: 19, c: 1, maxIterations: 300, memory: 7 };

export interface BaselineModel {
  bits: number;
  idf: Float64Array;
  weights: Float64Array;
  bias: number;
  /** L-BFGS iterations run (for the eval's log). */
  iterations: number;
}

export interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

const WORD_SEED = hashString('baseline:word');
const CHAR_SEED = hashString('baseline:char');
const FNV_PRIME = 0x01000193;
/** Words: runs of letters and digits; Chinese runs are left to the character n-grams (no segmenter). */
const WORD_RE = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** Term counts of the two blocks, by hash bucket. */
export function ngramCounts(raw: string, bits: number): { words: Map<number, number>; chars: Map<number, number> } {
  const mask = (1 << bits) - 1;
  const text = normalizeForModel(raw);
  const words = new Map<number, number>();
  const chars = new Map<number, number>();
  const add = (m: Map<number, number>, h: number): void => {
    m.set(h & mask, (m.get(h & mask) ?? 0) + 1);
  };
  const tokens = [...text.matchAll(WORD_RE)].map((m) => m[0]);
  tokens.forEach((t, i) => {
    add(words, hashString(t, WORD_SEED));
    const next = tokens[i + 1];
    if (next !== undefined) add(words, hashString(`${t} ${next}`, WORD_SEED));
  });
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length; i++) {
    let h = CHAR_SEED;
    let han = false;
    for (let n = 1; n <= 4 && i + n <= padded.length; n++) {
      const c = padded.charCodeAt(i + n - 1);
      han ||= isHanCode(c);
      h = Math.imul(h ^ c, FNV_PRIME) >>> 0;
      if (han ? n <= 3 : n >= 2) add(chars, h);
    }
  }
  return { words, chars };
}

/** Smooth IDF, ln((1 + N) / (1 + df)) + 1, by bucket over the training texts. */
export function fitIdf(counts: readonly { words: Map<number, number>; chars: Map<number, number> }[], bits: number): Float64Array {
  const df = new Float64Array(1 << bits);
  for (const c of counts) {
    const seen = new Set<number>([...c.words.keys(), ...c.chars.keys()]);
    for (const k of seen) df[k] = (df[k] ?? 0) + 1;
  }
  const n = counts.length;
  return df.map((d) => Math.log((1 + n) / (1 + d)) + 1);
}

/** Each block as tf × idf, L2-normalised on its own, then the two summed into one vector. */
export function tfidf(counts: { words: Map<number, number>; chars: Map<number, number> }, idf: Float64Array): SparseVector {
  const out = new Map<number, number>();
  for (const block of [counts.words, counts.chars]) {
    let norm = 0;
    for (const [k, tf] of block) norm += (tf * (idf[k] ?? 0)) ** 2;
    if (norm === 0) continue;
    const scale = 1 / Math.sqrt(norm);
    for (const [k, tf] of block) out.set(k, (out.get(k) ?? 0) + tf * (idf[k] ?? 0) * scale);
  }
  return { index: Int32Array.from(out.keys()), value: Float64Array.from(out.values()) };
}

const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

interface Labelled {
  x: SparseVector;
  y: boolean;
  w: number;
}

/**
 * C·Σ wᵢ·logloss + ½‖w‖² (the intercept, stored last, is not penalised) and its gradient into `g`.
 */
function objective(data: readonly Labelled[], theta: Float64Array, c: number, g: Float64Array): number {
  const dim = theta.length - 1;
  g.fill(0);
  let f = 0;
  const bias = theta[dim] ?? 0;
  for (const { x, y, w } of data) {
    let z = bias;
    for (let k = 0; k < x.index.length; k++) z += (theta[x.index[k] ?? 0] ?? 0) * (x.value[k] ?? 0);
    f += c * w * softplus(y ? -z : z);
    const d = c * w * (1 / (1 + Math.exp(-z)) - (y ? 1 : 0));
    for (let k = 0; k < x.index.length; k++) {
      const at = x.index[k] ?? 0;
      g[at] = (g[at] ?? 0) + d * (x.value[k] ?? 0);
    }
    g[dim] = (g[dim] ?? 0) + d;
  }
  for (let j = 0; j < dim; j++) {
    const t = theta[j] ?? 0;
    f += 0.5 * t * t;
    g[j] = (g[j] ?? 0) + t;
  }
  return f;
}

export function trainBaseline(examples: readonly Example[], options: BaselineOptions = BASELINE_OPTIONS): BaselineModel {
  const counts = examples.map((e) => ngramCounts(e.text, options.bits));
  const idf = fitIdf(counts, options.bits);
  const data = examples.map((e, i) => ({ x: tfidf(counts[i] ?? { words: new Map(), chars: new Map() }, idf), y: e.complaint, w: e.weight }));
  const dim = 1 << options.bits;
  const { theta, iterations } = lbfgs((t, g) => objective(data, t, options.c, g), dim + 1, options);
  return { bits: options.bits, idf, weights: theta.subarray(0, dim), bias: theta[dim] ?? 0, iterations };
}

/** P(complaint) as the regression gives it (no calibration); a complaint at ≥ 0.5. */
export function baselineProbability(model: BaselineModel, text: string): number {
  const x = tfidf(ngramCounts(text, model.bits), model.idf);
  let z = model.bias;
  for (let k = 0; k < x.index.length; k++) z += (model.weights[x.index[k] ?? 0] ?? 0) * (x.value[k] ?? 0);
  return 1 / (1 + Math.exp(-z));
}
