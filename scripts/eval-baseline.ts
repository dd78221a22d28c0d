/**
 * `npm run eval`'s plain n-gram baseline (lib/triage/model/baseline.ts) beside the shipped model:
 * trained on the same train split of the same files as `npm run train` (class-balanced per file,
 * no source weights), threshold 0.5 on its own uncalibrated probability; the tune split is not
 * used. Scored on the in-domain dev/test sets, each file's report split (evaluation-only files
 * whole) and the airline tweets. Skips cleanly without ../shared/data.
 */
import { existsSync } from 'node:fs';
import { baselineProbability, BASELINE_OPTIONS, trainBaseline, type BaselineModel } from '../lib/triage/model/baseline';
import { predictComplaint } from '../lib/triage/model/classifier';
import { prf, rocAuc } from '../lib/triage/model/metrics';
import { AIRLINE, available, examplesOf, LABELLED_FILES, readAirline, readRows, TRIAGE_DATA } from './triage-data';
import { loadDevSets } from './triage-devsets';

interface Figures {
  precision: number;
  recall: number;
  f1: number;
  auc: number;
}

interface Comparison {
  set: string;
  split: string;
  rows: number;
  complaintShare: number;
  trivialF1: number;
  baseline: Figures;
  shipped: Figures;
}

function figuresOf(scored: readonly { truth: boolean; p: number; predicted: boolean }[]): Figures {
  const m = prf(scored);
  const auc = rocAuc(scored.filter((s) => s.truth).map((s) => s.p), scored.filter((s) => !s.truth).map((s) => s.p));
  return { precision: m.precision, recall: m.recall, f1: m.f1, auc };
}

export function compare(set: string, split: string, rows: readonly { text: string; complaint: boolean }[], model: BaselineModel): Comparison {
  const baseline = rows.map((r) => {
    const p = baselineProbability(model, r.text);
    return { truth: r.complaint, p, predicted: p >= 0.5 };
  });
  const shipped = rows.map((r) => {
    const p = predictComplaint(r.text);
    return { truth: r.complaint, p: p.probability, predicted: p.complaint };
  });
  const pos = rows.filter((r) => r.complaint).length;
  return {
    set,
    split,
    rows: rows.length,
    complaintShare: pos / Math.max(1, rows.length),
    trivialF1: pos === 0 ? 0 : (2 * pos) / (pos + rows.length),
    baseline: figuresOf(baseline),
    shipped: figuresOf(shipped),
  };
}

const f3 = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '  –  ');
const cells = (f: Figures): string => [f.precision, f.recall, f.f1, f.auc].map(f3).join('  ');

export function evalBaseline(): Comparison[] | undefined {
  if (!existsSync(TRIAGE_DATA)) {
    console.log(`\neval: ${TRIAGE_DATA} not found — plain n-gram baseline skipped.`);
    return undefined;
  }
  const trainable = LABELLED_FILES.filter((f) => f.trainable);
  const missing = trainable.filter((f) => !available(f));
  if (missing.length > 0) {
    console.log(`\neval: missing ${missing.map((f) => f.name).join(', ')} — plain n-gram baseline skipped (it trains on what the shipped model trains on).`);
    return undefined;
  }
  const started = performance.now();
  const rowsOf = new Map(LABELLED_FILES.filter(available).map((f) => [f.name, readRows(f.path)]));
  const train = trainable.flatMap((f) => {
    const rows = rowsOf.get(f.name) ?? [];
    // Class balance within the file, as the shipped model; no source weights (those are choices).
    return examplesOf({ ...f, weight: 1 }, rows).filter((_, i) => rows[i]?.split === 'train');
  });
  const model = trainBaseline(train);
  const seconds = (performance.now() - started) / 1000;

  const out: Comparison[] = [];
  for (const set of loadDevSets().sets) {
    for (const split of ['dev', 'test'] as const) out.push(compare(set.name, split, set.rows.filter((r) => r.split === split), model));
  }
  for (const f of LABELLED_FILES.filter(available)) {
    const rows = rowsOf.get(f.name) ?? [];
    out.push(f.trainable ? compare(f.name, 'report', rows.filter((r) => r.split === 'report'), model) : compare(f.name, 'all', rows, model));
  }
  if (existsSync(AIRLINE)) out.push(compare('airline-sentiment-2015 (support/)', 'all', readAirline(), model));

  console.log(
    `\nPlain n-gram baseline: logistic regression (C = ${BASELINE_OPTIONS.c}, L-BFGS, ${model.iterations} iterations) over TF-IDF word 1–2-grams + char 2–4-grams (Chinese 1–3), 2^${BASELINE_OPTIONS.bits} buckets,`,
  );
  console.log(`class-balanced per file, ${train.length} train rows, threshold 0.5 uncalibrated; trained in ${seconds.toFixed(1)} s. Beside the shipped model.`);
  console.log('set                                       split    rows  compl%  trivF1 | baseline P  R      F1     AUC   | shipped P   R      F1     AUC');
  for (const c of out) {
    console.log(`${c.set.padEnd(41)} ${c.split.padEnd(7)} ${String(c.rows).padStart(5)}  ${(c.complaintShare * 100).toFixed(0).padStart(5)}%  ${f3(c.trivialF1)} |  ${cells(c.baseline)} |  ${cells(c.shipped)}`);
  }
  return out;
}
