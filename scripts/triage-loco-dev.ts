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
import { extractFeatures } from '../lib/triage/model/features';
import { buildModel, CALIBRATION_PRIOR, featurise, trainAveraged, type Featurised, type TrainOptions } from '../lib/triage/model/train';
import { augment, type Variant } from './triage-loco-variants';
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


export function evalVariantOnDev(variants: ReadonlySet<Variant>, options: TrainOptions, seeds: readonly number[], prior: number, byCategory: boolean): void {
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
  const model = decodeModel(buildModel(trainAveraged(train, options, seeds), options.bits, tune.flatMap((t) => t.rows), 0.5, { ...CALIBRATION_PRIOR, zh: prior }));
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
