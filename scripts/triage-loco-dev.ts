/**
 * Helpers of the leave-one-category-out experiment (scripts/triage-loco.ts), and its check that a
 * candidate does not cost the in-domain dev splits: the same settings trained on every file as
 * `npm run train` does (train splits, calibrated on the tune splits), scored on the dev splits of
 * tests/fixtures/triage and on each file's tune split. The test and report splits are not read.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { calibrate, decodeModel, logitOf } from '../lib/triage/model/classifier';
import { prf, rocAuc } from '../lib/triage/model/metrics';
import { extractFeatures, hashString } from '../lib/triage/model/features';
import { LANGUAGES } from '../lib/triage/model/lang';
import { seededRandom } from '../lib/random';
import { buildModel, CALIBRATION_PRIOR, featurise, trainAveraged, trainWeights, type Featurised, type TrainOptions } from '../lib/triage/model/train';
import { augment, charGrams, type Variant } from './triage-loco-variants';
import { available, examplesOf, LABELLED_FILES, readRows, splitOf, type Split } from './triage-data';
import { loadDevSets } from './triage-devsets';

export interface CatRow {
  text: string;
  complaint: boolean;
  split: Split;
  category: string;
}

export interface Scores {
  f1: number;
  auc: number;
  bestF1: number;
  bestCut: number;
  /** F1 at the cut with complaints reweighted to 67 % of the rows (the owner's review share). */
  f1At67: number;
}

/** F1 at `cut`, AUC, and the best F1 over every cut the scores allow. */
export function scoresOf(rows: readonly { p: number; truth: boolean }[], cut: number): Scores {
  const f1 = prf(rows.map((r) => ({ truth: r.truth, predicted: r.p >= cut }))).f1;
  const auc = rocAuc(rows.filter((r) => r.truth).map((r) => r.p), rows.filter((r) => !r.truth).map((r) => r.p));
  const sorted = [...rows].sort((a, b) => b.p - a.p);
  const pos = rows.filter((r) => r.truth).length;
  let tp = 0, bestF1 = 0, bestCut = 1;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i];
    if (!r) continue;
    if (r.truth) tp++;
    // Only cut between distinct scores.
    if (i + 1 < sorted.length && sorted[i + 1]?.p === r.p) continue;
    const f = (2 * tp) / (i + 1 + pos);
    if (f > bestF1) {
      bestF1 = f;
      bestCut = r.p;
    }
  }
  const share = pos / Math.max(1, rows.length);
  const wPos = 0.67 / Math.max(1e-9, share), wNeg = 0.33 / Math.max(1e-9, 1 - share);
  let wtp = 0, wfp = 0, wfn = 0;
  for (const r of rows) {
    if (r.p >= cut) {
      if (r.truth) wtp += wPos;
      else wfp += wNeg;
    } else if (r.truth) wfn += wPos;
  }
  return { f1, auc, bestF1, bestCut, f1At67: (2 * wtp) / Math.max(1e-9, 2 * wtp + wfp + wfn) };
}

export function readCategories(path: string, withReport = false): CatRow[] {
  const parsed = Papa.parse<Record<string, string | undefined>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  const rows: CatRow[] = [];
  for (const r of parsed.data) {
    const text = r.text ?? '';
    const category = /(?:^|\|)cat=([^|]+)/.exec(r.orig_label ?? '')?.[1];
    if (!text.trim() || !category || (r.label !== 'complaint' && r.label !== 'not')) continue;
    const split = splitOf(text);
    // The report split stays unread here.
    if (split === 'report' && !withReport) continue;
    rows.push({ text, complaint: r.label === 'complaint', split, category });
  }
  return rows;
}

/**
 * Loss weights: class balance over the rows (as `examplesOf` per file), or, with `byCategory`,
 * class balance within each category and every category counting alike.
 */
export function weightsOf(rows: readonly CatRow[], byCategory: boolean): number[] {
  const groups = new Map<string, { pos: number; neg: number }>();
  const key = (r: CatRow): string => (byCategory ? r.category : '');
  for (const r of rows) {
    const g = groups.get(key(r)) ?? { pos: 0, neg: 0 };
    if (r.complaint) g.pos++;
    else g.neg++;
    groups.set(key(r), g);
  }
  const perGroup = rows.length / groups.size;
  return rows.map((r) => {
    const g = groups.get(key(r)) ?? { pos: 1, neg: 1 };
    return perGroup / (2 * Math.max(1, r.complaint ? g.pos : g.neg));
  });
}


export function evalVariantOnDev(variants: ReadonlySet<Variant>, options: TrainOptions, seeds: readonly number[], prior: number, byCategory: boolean, dropout: number): void {
  const started = performance.now();
  const train: Featurised[] = [];
  const tune: { file: string; rows: Featurised[] }[] = [];
  const feat = (ex: Featurised[]): Featurised[] => ex.map((f) => ({ ...f, features: augment(f.features, variants, options.bits) }));
  for (const file of LABELLED_FILES.filter((f) => f.trainable && available(f))) {
    const rows = readRows(file.path);
    let ex = examplesOf(file, rows);
    if (byCategory && file.name === 'zh-online-shopping-10cats') {
      const cats = readCategories(file.path, true);
      const trainRows = cats.filter((r) => r.split === 'train');
      const w = weightsOf(trainRows, true);
      ex = cats.map((r) => ({ text: r.text, complaint: r.complaint, weight: 0 }));
      let k = 0;
      ex = ex.map((e, i) => (cats[i]?.split === 'train' ? { ...e, weight: file.weight * (w[k++] ?? 1) } : e));
      train.push(...feat(featurise(ex.filter((_, i) => cats[i]?.split === 'train'), options.bits)));
      tune.push({ file: file.name, rows: feat(featurise(ex.filter((_, i) => cats[i]?.split === 'tune'), options.bits)) });
      continue;
    }
    train.push(...feat(featurise(ex.filter((_, i) => rows[i]?.split === 'train'), options.bits)));
    tune.push({ file: file.name, rows: feat(featurise(ex.filter((_, i) => rows[i]?.split === 'tune'), options.bits)) });
  }
  const model = decodeModel(buildModel(trainSeeds(train, options, seeds, dropout), options.bits, tune.flatMap((t) => t.rows), 0.5, { ...CALIBRATION_PRIOR, zh: prior }));
  const score = (rows: readonly Featurised[]): Scores =>
    scoresOf(rows.map((r) => ({ p: calibrate(model, r.features.language, logitOf(r.features, model.weights)), truth: r.complaint })), model.threshold);
  const line = (name: string, s: Scores): void => console.log(`dev-check ${name.padEnd(36)} F1 ${s.f1.toFixed(3)} AUC ${s.auc.toFixed(3)} best ${s.bestF1.toFixed(3)}`);
  for (const set of loadDevSets().sets) {
    const rows = set.rows.filter((r) => r.split === 'dev').map((r) => ({ features: augment(extractFeatures(r.text, options.bits), variants, options.bits), complaint: r.complaint, weight: 1 }));
    line(`${set.name} dev`, score(rows));
  }
  for (const t of tune) line(`${t.file} tune`, score(t.rows));
  console.log(`dev-check: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** How many leading entries of a post's features are its word and character n-grams. */
export function ngramCount(f: Featurised): number {
  const words = [...f.features.text.matchAll(/(?:(?!\p{Script=Han})[\p{L}\p{N}@])+/gu)].length;
  return (words > 0 ? words * 2 - 1 : 0) + charGrams(f.features.text, 1, 3).length;
}

/**
 * `trainWeights` with n-gram dropout on Chinese posts: each n-gram occurrence is left out of an
 * update with probability `p` (the rest scaled by 1 / (1 − p)), so cues and lexicon features must
 * carry more. p = 0 is exactly `trainWeights`.
 */
export function trainDropout(data: readonly Featurised[], options: TrainOptions, p: number): Float64Array {
  if (p === 0) return trainWeights(data, options);
  const mask = (1 << options.bits) - 1;
  const counts = data.map((d) => (/\p{Script=Han}/u.test(d.features.text) ? ngramCount(d) : 0));
  const w = new Float64Array(1 << options.bits);
  const g2 = new Float64Array(1 << options.bits);
  const frozen = new Uint8Array(1 << options.bits);
  const langSeeds = LANGUAGES.map((l) => hashString(`lang:${l}`));
  for (const key of Object.keys(options.fixed)) {
    const name = key.split('@')[0] ?? key;
    frozen[hashString(name) & mask] = 1;
    for (const seed of langSeeds) frozen[hashString(name, seed) & mask] = 1;
  }
  const order = data.map((_, i) => i);
  const random = seededRandom(options.seed);
  const drop = seededRandom(options.seed + 1000);
  const keep = 1 / (1 - p);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    for (const n of order) {
      const ex = data[n];
      if (!ex) continue;
      const { index, value } = ex.features;
      const c = counts[n] ?? 0;
      const v = Float64Array.from(value, (x, k) => (k < c ? (drop() < p ? 0 : x * keep) : x));
      let z = 0;
      for (let k = 0; k < index.length; k++) z += (w[index[k] ?? 0] ?? 0) * (v[k] ?? 0);
      const g = (1 / (1 + Math.exp(-z)) - (ex.complaint ? 1 : 0)) * ex.weight;
      for (let k = 0; k < index.length; k++) {
        const at = index[k] ?? 0;
        if (frozen[at] === 1 || v[k] === 0) continue;
        const wi = w[at] ?? 0;
        const grad = g * (v[k] ?? 0) + options.l2 * wi;
        const acc = (g2[at] ?? 0) + grad * grad;
        g2[at] = acc;
        w[at] = wi - (options.learningRate * grad) / Math.sqrt(acc + 1e-8);
      }
    }
  }
  for (const [key, val] of Object.entries(options.fixed)) {
    const [name = key, lang] = key.split('@');
    w[(lang ? hashString(name, hashString(`lang:${lang}`)) : hashString(name)) & mask] = val;
  }
  return w;
}

export function trainSeeds(data: readonly Featurised[], options: TrainOptions, seeds: readonly number[], p: number): Float64Array {
  if (p === 0) return trainAveraged(data, options, seeds);
  const mean = new Float64Array(1 << options.bits);
  for (const seed of seeds) {
    const w = trainDropout(data, { ...options, seed }, p);
    for (let i = 0; i < w.length; i++) mean[i] = (mean[i] ?? 0) + (w[i] ?? 0) / seeds.length;
  }
  return mean;
}
