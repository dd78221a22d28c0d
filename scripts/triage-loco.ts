/**
 * Experiment, not shipped and not part of `npm run eval`: how well the Chinese complaint model
 * carries to a review domain it never saw. Leave-one-category-out over the zh online-shopping
 * file's 10 categories (`orig_label` "label=0|cat=酒店"), on its train + tune rows only (the
 * report split is never read): train on the other categories' train rows (Chinese rows only, one
 * shuffle seed per run unless `--seeds`), calibrate on their tune rows as `npm run train` does, and
 * score every train + tune row of the held-out category. Prints per category and the mean: F1 at
 * the shipped cut, AUC, and the best F1 over all cuts (ranking vs calibration), for the shipped
 * features and for the plain TF-IDF baseline (lib/triage/model/baseline.ts, uncalibrated 0.5).
 *
 *   npx tsx scripts/triage-loco.ts [--seeds 18,1,2] [--baseline] [--prior 0.6] [--by-category]
 *     [--variants g14,neg] [--l2 1e-6] [--dev] [--dump 书籍]
 *     [--zh-cue-scale 2 | --zh-cues-learned] [--zh-learn-kinds broken,still] [--fixed name@lang=w,…] [--dev-only]
 * `--full-batch 0.03+idf` trains by full-batch L-BFGS (train.ts `trainFullBatch`: C, IDF-shaped penalty).
 * `--variants` adds candidate Chinese features (scripts/triage-loco-variants.ts); `--dev` also
 * trains on every file, as `npm run train` does, and prints the in-domain dev splits and the
 * files' tune splits for the same settings (`--dev-only`: only those); `--fixed` sets or overrides
 * hand-set weights for the run (`rulex:praise@ru=-1`; 0 turns a feature off).
 *
 * Skips cleanly, exit 0, without ../shared/data.
 */
import { existsSync } from 'node:fs';
import { baselineProbability, trainBaseline } from '../lib/triage/model/baseline';
import { calibrate, decodeModel, logitOf } from '../lib/triage/model/classifier';
import { buildModel, CALIBRATION_PRIOR, CUE_SCALE, DEFAULT_OPTIONS, FIXED_WEIGHTS, featurise, FULL_BATCH_OPTIONS, trainFullBatch, trainWeights, type Example, type Featurised } from '../lib/triage/model/train';
import { augment, VARIANTS, type Variant } from './triage-loco-variants';
import { evalVariantOnDev, readCategories, scoresOf, weightsOf, type CatRow, type Scores } from './triage-loco-dev';
import { LABELLED_FILES } from './triage-data';

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const f3 = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '  –  ');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const file = LABELLED_FILES.find((f) => f.name === 'zh-online-shopping-10cats');
  if (!file || !existsSync(file.path)) {
    console.log('loco: zh-online-shopping-10cats not found in ../shared/data — skipping.');
    return;
  }
  const seeds = (arg('--seeds') ?? String(DEFAULT_OPTIONS.seed)).split(',').map(Number);
  const prior = Number(arg('--prior') ?? CALIBRATION_PRIOR.zh ?? 0.5);
  const byCategory = process.argv.includes('--by-category');
  const variants = new Set((arg('--variants') ?? '').split(',').filter((v): v is Variant => (VARIANTS as readonly string[]).includes(v)));
  const l2 = Number(arg('--l2') ?? DEFAULT_OPTIONS.l2);
  // Chinese hand-set cue weights rescaled (`--zh-cue-scale`, relative to the shipped CUE_SCALE.zh) or learned like n-grams.
  const zhScale = Number(arg('--zh-cue-scale') ?? CUE_SCALE.zh);
  const zhLearned = process.argv.includes('--zh-cues-learned');
  const learnKinds = new Set((arg('--zh-learn-kinds') ?? '').split(',').filter(Boolean));
  const fixed: Record<string, number> = Object.fromEntries(
    Object.entries(FIXED_WEIGHTS).flatMap(([k, v]): [string, number][] =>
      !k.startsWith('cue:zh.') ? [[k, v]] : zhLearned || learnKinds.has(k.slice('cue:zh.'.length)) ? [] : [[k, (v * zhScale) / CUE_SCALE.zh]],
    ),
  );
  // `--fixed rulex:praise@ru=-2,…`: set weights overridden or added (0 = the feature off).
  for (const kv of (arg('--fixed') ?? '').split(',').filter(Boolean)) {
    const [k = '', v = ''] = kv.split('=');
    fixed[k] = Number(v);
  }
  const options = { ...DEFAULT_OPTIONS, l2, fixed };
  const fullBatch = arg('--full-batch');
  if (process.argv.includes('--dev') || process.argv.includes('--dev-only')) evalVariantOnDev(variants, options, seeds, prior, byCategory);
  if (process.argv.includes('--dev-only')) return;
  const rows = readCategories(file.path);
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  console.log(`loco: ${rows.length} train+tune rows, ${categories.length} categories; seeds ${seeds.join(', ')}; zh prior ${prior}; l2 ${l2}; zh cues ${zhLearned ? 'learned' : `× ${zhScale}, learned [${[...learnKinds].join(', ')}]`}; variants [${[...variants].join(', ')}]${byCategory ? '; categories balanced' : ''}`);
  const started = performance.now();
  const features = featurise(rows.map((r) => ({ text: r.text, complaint: r.complaint, weight: 1 })), DEFAULT_OPTIONS.bits).map((f) => ({
    ...f,
    features: augment(f.features, variants, DEFAULT_OPTIONS.bits),
  }));
  console.log(`loco: featurised in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const table: { category: string; rows: number; share: number; shipped: Scores[]; baseline?: Scores }[] = [];
  for (const held of categories) {
    const trainIdx = rows.flatMap((r, i) => (r.category !== held && r.split === 'train' ? [i] : []));
    const tuneIdx = rows.flatMap((r, i) => (r.category !== held && r.split === 'tune' ? [i] : []));
    const testIdx = rows.flatMap((r, i) => (r.category === held ? [i] : []));
    const w = weightsOf(trainIdx.map((i) => rows[i] as CatRow), byCategory);
    const train: Featurised[] = trainIdx.map((i, k) => ({ ...(features[i] as Featurised), weight: w[k] ?? 1 }));
    const tune = tuneIdx.map((i) => features[i] as Featurised);
    const shipped = seeds.map((seed) => {
      // `--full-batch 0.03+idf`: L-BFGS to convergence (C, IDF-shaped penalty) instead of SGD; no seed.
      const weights = fullBatch
        ? trainFullBatch(train, options, { ...FULL_BATCH_OPTIONS, c: Number(/^[\d.e-]+/.exec(fullBatch)?.[0] ?? 1), idfPenalty: fullBatch.includes('idf') }).weights
        : trainWeights(train, { ...options, seed });
      const model = decodeModel(buildModel(weights, DEFAULT_OPTIONS.bits, tune, 0.5, { ...CALIBRATION_PRIOR, zh: prior }));
      const scored = testIdx.map((i) => {
        const f = features[i] as Featurised;
        return { p: calibrate(model, f.features.language, logitOf(f.features, model.weights)), truth: f.complaint, text: rows[i]?.text ?? '' };
      });
      if (arg('--dump') === held && seed === seeds[0]) {
        // The surest mistakes of the held-out category, to read.
        const wrong = scored.filter((r) => r.truth !== r.p >= model.threshold).sort((a, b) => Math.abs(b.p - 0.5) - Math.abs(a.p - 0.5));
        for (const r of wrong.slice(0, 40)) console.log(`  ${r.truth ? 'FN' : 'FP'} ${r.p.toFixed(2)} ${r.text.slice(0, 120)}`);
      }
      return scoresOf(scored, model.threshold);
    });
    let baseline: Scores | undefined;
    if (process.argv.includes('--baseline')) {
      const ex: Example[] = trainIdx.map((i, k) => ({ text: rows[i]?.text ?? '', complaint: rows[i]?.complaint ?? false, weight: w[k] ?? 1 }));
      const model = trainBaseline(ex);
      baseline = scoresOf(testIdx.map((i) => ({ p: baselineProbability(model, rows[i]?.text ?? ''), truth: rows[i]?.complaint ?? false })), 0.5);
    }
    const pos = testIdx.filter((i) => rows[i]?.complaint).length;
    table.push({ category: held, rows: testIdx.length, share: pos / testIdx.length, shipped, baseline });
    const s = (k: keyof Scores): string => f3(mean(shipped.map((x) => x[k])));
    console.log(
      `${held.padEnd(5, '　')} ${String(testIdx.length).padStart(5)} ${(100 * pos / testIdx.length).toFixed(0).padStart(3)}%  shipped F1 ${s('f1')} AUC ${s('auc')} best ${s('bestF1')} F1@67% ${s('f1At67')}` +
        (seeds.length > 1 ? ` (F1 by seed ${shipped.map((x) => f3(x.f1)).join(' ')})` : '') +
        (baseline ? `  | baseline F1 ${f3(baseline.f1)} AUC ${f3(baseline.auc)} best ${f3(baseline.bestF1)} F1@67% ${f3(baseline.f1At67)}` : ''),
    );
  }
  const avg = (pick: (t: (typeof table)[number]) => number): string => f3(mean(table.map(pick)));
  console.log(
    `mean over categories: shipped F1 ${avg((t) => mean(t.shipped.map((x) => x.f1)))} AUC ${avg((t) => mean(t.shipped.map((x) => x.auc)))} best ${avg((t) => mean(t.shipped.map((x) => x.bestF1)))} F1@67% ${avg((t) => mean(t.shipped.map((x) => x.f1At67)))}` +
      (table[0]?.baseline ? `  | baseline F1 ${avg((t) => t.baseline?.f1 ?? 0)} AUC ${avg((t) => t.baseline?.auc ?? 0)} best ${avg((t) => t.baseline?.bestF1 ?? 0)} F1@67% ${avg((t) => t.baseline?.f1At67 ?? 0)}` : ''),
  );
  for (const [k, seed] of seeds.entries()) {
    console.log(`  seed ${seed}: mean F1 ${avg((t) => t.shipped[k]?.f1 ?? 0)} AUC ${avg((t) => t.shipped[k]?.auc ?? 0)} best ${avg((t) => t.shipped[k]?.bestF1 ?? 0)}`);
  }
  console.log(`loco: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main();
