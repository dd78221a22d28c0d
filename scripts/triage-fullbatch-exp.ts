/**
 * Experiment, not part of `npm run eval`: the shipped trainer (AdaGrad SGD, five seeds averaged)
 * against full-batch L-BFGS over the same features (train.ts `trainFullBatch`), with C and the
 * IDF-shaped penalty as candidates. Trained on every file's train split and calibrated on the tune
 * splits as `npm run train` does; scored on the in-domain dev splits and the files' tune splits.
 * `--final` also reads, once, the dev sets' test splits, the report splits and the airline tweets.
 *
 *   npx tsx scripts/triage-fullbatch-exp.ts [--configs sgd,c=1,c=0.3+idf] [--final]
 *
 * Skips cleanly, exit 0, without ../shared/data.
 */
import { existsSync } from 'node:fs';
import { calibrate, decodeModel, logitOf } from '../lib/triage/model/classifier';
import { extractFeatures } from '../lib/triage/model/features';
import { prf, rocAuc } from '../lib/triage/model/metrics';
import { buildModel, DEFAULT_OPTIONS, featurise, FULL_BATCH_OPTIONS, trainAveraged, trainFullBatch, type Featurised } from '../lib/triage/model/train';
import { AIRLINE, available, examplesOf, LABELLED_FILES, readAirline, readRows, TRIAGE_DATA } from './triage-data';
import { loadDevSets } from './triage-devsets';

const f3 = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '  –  ');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface EvalSet {
  name: string;
  rows: Featurised[];
}

function main(): void {
  const files = LABELLED_FILES.filter((f) => f.trainable && available(f));
  if (!existsSync(TRIAGE_DATA) || files.length < LABELLED_FILES.filter((f) => f.trainable).length) {
    console.log(`fullbatch: ${TRIAGE_DATA} incomplete — skipping.`);
    return;
  }
  const final = process.argv.includes('--final');
  const configs = (arg('--configs') ?? 'sgd,c=1').split(',');
  const bits = DEFAULT_OPTIONS.bits;
  const started = performance.now();
  const train: Featurised[] = [];
  const tune: EvalSet[] = [];
  const report: EvalSet[] = [];
  for (const file of files) {
    const rows = readRows(file.path);
    const ex = examplesOf(file, rows);
    train.push(...featurise(ex.filter((_, i) => rows[i]?.split === 'train'), bits));
    tune.push({ name: `${file.name} tune`, rows: featurise(ex.filter((_, i) => rows[i]?.split === 'tune'), bits) });
    if (final) report.push({ name: `${file.name} report`, rows: featurise(ex.filter((_, i) => rows[i]?.split === 'report'), bits) });
  }
  const featuriseRows = (rows: readonly { text: string; complaint: boolean }[]): Featurised[] =>
    rows.map((r) => ({ features: extractFeatures(r.text, bits), complaint: r.complaint, weight: 1 }));
  const sets: EvalSet[] = [];
  for (const set of loadDevSets().sets) {
    sets.push({ name: `${set.name} dev`, rows: featuriseRows(set.rows.filter((r) => r.split === 'dev')) });
    if (final) sets.push({ name: `${set.name} test`, rows: featuriseRows(set.rows.filter((r) => r.split === 'test')) });
  }
  sets.push(...tune);
  if (final) {
    sets.push(...report);
    if (existsSync(AIRLINE)) sets.push({ name: 'airline (all, eval only)', rows: featuriseRows(readAirline()) });
  }
  console.log(`fullbatch: ${train.length} train rows featurised in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const results = new Map<string, Map<string, string>>();
  for (const config of configs) {
    const t0 = performance.now();
    let weights: Float64Array;
    let note = '';
    if (config === 'sgd') weights = trainAveraged(train, DEFAULT_OPTIONS);
    else {
      const c = Number(/c=([\d.e-]+)/.exec(config)?.[1] ?? FULL_BATCH_OPTIONS.c);
      const fit = trainFullBatch(train, DEFAULT_OPTIONS, { ...FULL_BATCH_OPTIONS, c, idfPenalty: config.includes('idf') });
      weights = fit.weights;
      note = `${fit.iterations} iterations`;
    }
    const data = buildModel(weights, bits, tune.flatMap((t) => t.rows));
    const model = decodeModel(data);
    let max = 0;
    for (const w of weights) max = Math.max(max, Math.abs(w));
    console.log(`\n${config}: trained in ${((performance.now() - t0) / 1000).toFixed(0)} s ${note}; max |w| ${max.toFixed(2)}; calibration ${JSON.stringify(data.calibration)}`);
    const column = new Map<string, string>();
    for (const set of sets) {
      const scored = set.rows.map((r) => {
        const z = logitOf(r.features, model.weights);
        const p = calibrate(model, r.features.language, z);
        return { truth: r.complaint, z, predicted: p >= model.threshold };
      });
      const m = prf(scored);
      // On the logit: a saturated calibration would tie scores that the model still ranks.
      const auc = rocAuc(scored.filter((s) => s.truth).map((s) => s.z), scored.filter((s) => !s.truth).map((s) => s.z));
      const cell = `${f3(m.precision)} ${f3(m.recall)} ${f3(m.f1)} ${f3(auc)}`;
      column.set(set.name, cell);
      console.log(`  ${set.name.padEnd(48)} P R F1 AUC ${cell}`);
    }
    results.set(config, column);
  }
  console.log(`\nset${' '.repeat(46)}${configs.map((c) => c.padEnd(24)).join('')}`);
  for (const set of sets) console.log(`${set.name.padEnd(49)}${configs.map((c) => (results.get(c)?.get(set.name) ?? '').padEnd(24)).join('')}`);
}

main();
