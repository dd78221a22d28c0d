/**
 * Rebuilds lib/triage/model/weights.ts from the labelled data in ../shared/data (skips cleanly,
 * exit 0, when it is absent). Trains on the "train" split of every file whose licence allows
 * shipped weights, calibrates on the "tune" split, and leaves the "report" split to `npm run eval`.
 * Deterministic: the same data gives the same bytes.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rocAuc } from '../lib/triage/model/metrics';
import { decodeModel, logitOf } from '../lib/triage/model/classifier';
import { AVERAGED_SEEDS, buildModel, DEFAULT_OPTIONS, featurise, serialiseModel, trainAveraged, type Featurised } from '../lib/triage/model/train';
import { available, calibrates, examplesOf, LABELLED_FILES, readRows, TRIAGE_DATA } from './triage-data';

const OUT = resolve(process.cwd(), 'lib/triage/model/weights.ts');

function main(): void {
  if (!existsSync(TRIAGE_DATA)) {
    console.log(`train: ${TRIAGE_DATA} not found — skipping; the committed weights stay as they are.`);
    return;
  }
  const files = LABELLED_FILES.filter((f) => f.trainable && available(f));
  const missing = LABELLED_FILES.filter((f) => f.trainable && !available(f));
  if (missing.length > 0) {
    console.log(`train: missing ${missing.map((f) => f.name).join(', ')} — skipping; a partial rebuild would not reproduce the shipped weights.`);
    return;
  }
  const train: Featurised[] = [];
  const tune: { file: string; rows: Featurised[] }[] = [];
  const calibration: Featurised[] = [];
  for (const file of files) {
    const rows = readRows(file.path);
    const ex = examplesOf(file, rows);
    const trainEx = ex.filter((_, i) => rows[i]?.split === 'train');
    const tuneEx = ex.filter((_, i) => rows[i]?.split === 'tune');
    train.push(...featurise(trainEx, DEFAULT_OPTIONS.bits));
    const tuneRows = featurise(tuneEx, DEFAULT_OPTIONS.bits);
    tune.push({ file: file.name, rows: tuneRows });
    calibration.push(...tuneRows.filter((_, i) => calibrates(file, tuneEx[i]?.text ?? '')));
    console.log(`train: ${file.name}: ${trainEx.length} train, ${tuneEx.length} tune`);
  }
  const weights = trainAveraged(train, DEFAULT_OPTIONS);
  const data = buildModel(weights, DEFAULT_OPTIONS.bits, calibration);
  const model = decodeModel(data);
  for (const t of tune) {
    // Before and after int8 quantisation: what shipping compactly costs.
    const auc = (w: ArrayLike<number>): string => {
      const z = t.rows.map((r) => logitOf(r.features, w));
      return rocAuc(z.filter((_, i) => t.rows[i]?.complaint), z.filter((_, i) => !t.rows[i]?.complaint)).toFixed(3);
    };
    console.log(`tune ${t.file}: AUC ${auc(model.weights)} (unquantised ${auc(weights)})`);
  }
  const sources = files.map((f) => f.name).join(', ');
  writeFileSync(OUT, serialiseModel(data, `${sources}; mean over seeds ${AVERAGED_SEEDS.join(', ')}`));
  console.log(`train: wrote ${OUT} (${Math.round(data.weights.length / 1024)} KiB of weights)`);
}

main();
