/**
 * Honest evaluation of the complaint classifier on the labelled data in ../shared/data:
 *  1. the shipped model on each file's "report" split (never trained or calibrated on), with the
 *     lexicon rules it replaced and the trivial "everything is a complaint" F1 beside it; files
 *     that may not train shipped weights (non-commercial licences) are scored whole;
 *  2. cross-file: for each training file, a model trained without it, scored on all of it;
 *  3. calibration of the probability (reliability bins, ECE, Brier);
 *  4. the queue: real complaints among the top 100 posts by priority, rules vs model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { defaultTriageProfile, scorePost } from '../lib/triage/index';
import { calibrate, decodeModel, logitOf, shippedModel, type LoadedModel } from '../lib/triage/model/classifier';
import { calibrationOf, prf, rocAuc } from '../lib/triage/model/metrics';
import { buildModel, DEFAULT_OPTIONS, featurise, trainAveraged, type Featurised } from '../lib/triage/model/train';
import { AIRLINE, available, calibrates, examplesOf, LABELLED_FILES, readAirline, readRows, TRIAGE_DATA, type LabelledFile, type Row } from './triage-data';
import { evalDevSets } from './triage-devsets';

const f3 = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '  –  ');
const trivialF1 = (rows: readonly { complaint: boolean }[]): number => {
  const pos = rows.filter((r) => r.complaint).length;
  return pos === 0 ? 0 : (2 * pos) / (pos + rows.length);
};

interface Scored {
  truth: boolean;
  p: number;
}

function figures(scored: readonly Scored[], threshold: number): Record<string, number> {
  const m = prf(scored.map((s) => ({ truth: s.truth, predicted: s.p >= threshold })));
  const auc = rocAuc(scored.filter((s) => s.truth).map((s) => s.p), scored.filter((s) => !s.truth).map((s) => s.p));
  return { n: scored.length, prevalence: scored.filter((s) => s.truth).length / Math.max(1, scored.length), precision: m.precision, recall: m.recall, f1: m.f1, auc };
}

const HEADER = 'file                                      split    rows  compl%  P      R      F1     AUC    trivialF1  rulesF1';
function line(name: string, split: string, fig: Record<string, number>, trivial: number, rules: number): string {
  return `${name.padEnd(41)} ${split.padEnd(7)} ${String(fig.n).padStart(5)}  ${((fig.prevalence ?? 0) * 100).toFixed(0).padStart(5)}%  ${f3(fig.precision ?? 0)}  ${f3(fig.recall ?? 0)}  ${f3(fig.f1 ?? 0)}  ${f3(fig.auc ?? 0)}  ${f3(trivial).padStart(9)}  ${f3(rules).padStart(7)}`;
}

/** The lexicon rules' complaint flag, as before the model (for the "rulesF1" column). */
function rulesF1(rows: readonly Row[]): number {
  const profile = defaultTriageProfile();
  return prf(rows.map((r) => ({ truth: r.complaint, predicted: scorePost({ text: r.text }, profile, { now: 0, complaintModel: null }).complaint }))).f1;
}

const probabilities = (model: LoadedModel, rows: readonly Featurised[]): Scored[] =>
  rows.map((r) => ({ truth: r.complaint, p: calibrate(model, r.features.language, logitOf(r.features, model.weights)) }));

function reliability(title: string, scored: readonly Scored[]): Record<string, unknown> {
  const c = calibrationOf(scored.map((s) => ({ p: s.p, truth: s.truth })));
  console.log(`${title}: ECE ${f3(c.ece)}, Brier ${f3(c.brier)}`);
  console.log(`  bin     ${c.bins.map((b) => `${b.from.toFixed(1)}+`.padStart(6)).join('')}`);
  console.log(`  rows    ${c.bins.map((b) => String(b.n).padStart(6)).join('')}`);
  console.log(`  mean p  ${c.bins.map((b) => (b.n ? b.meanP.toFixed(2) : '–').padStart(6)).join('')}`);
  console.log(`  actual  ${c.bins.map((b) => (b.n ? b.rate.toFixed(2) : '–').padStart(6)).join('')}`);
  return { ece: c.ece, brier: c.brier };
}

/** Real complaints among the top `k` by priority; ties broken by the file's order. */
function topK(rows: readonly { text: string; complaint: boolean; createdAt?: number }[], model: LoadedModel | null, k = 100): number {
  const profile = defaultTriageProfile();
  const ranked = rows
    .map((r, i) => ({ i, complaint: r.complaint, priority: scorePost({ text: r.text, createdAt: r.createdAt }, profile, { now: r.createdAt ?? 0, complaintModel: model }).priority }))
    .sort((a, b) => b.priority - a.priority || a.i - b.i);
  return ranked.slice(0, k).filter((r) => r.complaint).length;
}

export function evalComplaints(): Record<string, unknown> | undefined {
  // The in-domain sets live in the repository, so they print even without ../shared/data.
  const devSets = evalDevSets();
  if (!existsSync(TRIAGE_DATA)) {
    console.log(`\neval: ${TRIAGE_DATA} not found — complaint classifier evaluation skipped.`);
    return undefined;
  }
  const files = LABELLED_FILES.filter(available);
  const model = shippedModel();
  const result: Record<string, unknown> = {};
  result.devSets = devSets;
  const rowsOf = new Map<string, Row[]>();
  const featuresOf = new Map<string, Featurised[]>();
  for (const f of files) {
    const rows = readRows(f.path);
    rowsOf.set(f.name, rows);
    featuresOf.set(f.name, featurise(examplesOf(f.trainable ? f : { ...f, weight: 1 }, rows), DEFAULT_OPTIONS.bits));
  }

  console.log('\nComplaint classifier — shipped model (threshold ' + model.threshold + ')');
  console.log(HEADER);
  const shipped: Record<string, unknown> = {};
  const reportScored: Scored[] = [];
  for (const f of files) {
    const rows = rowsOf.get(f.name) ?? [];
    const feats = featuresOf.get(f.name) ?? [];
    const pick = (i: number): boolean => !f.trainable || rows[i]?.split === 'report';
    const picked = rows.filter((_, i) => pick(i));
    const scored = probabilities(model, feats.filter((_, i) => pick(i)));
    if (f.trainable) reportScored.push(...scored);
    const fig = figures(scored, model.threshold);
    const rules = rulesF1(picked);
    console.log(line(f.name, f.trainable ? 'report' : 'all', fig, trivialF1(picked), rules));
    shipped[f.name] = { ...fig, trivialF1: trivialF1(picked), rulesF1: rules, split: f.trainable ? 'report' : 'all (evaluation only)' };
  }
  let airline: Row[] = [];
  if (existsSync(AIRLINE)) {
    airline = readAirline();
    const feats = featurise(airline.map((r) => ({ text: r.text, complaint: r.complaint, weight: 1 })), DEFAULT_OPTIONS.bits);
    const scored = probabilities(model, feats);
    const fig = figures(scored, model.threshold);
    const rules = rulesF1(airline);
    console.log(line('airline-sentiment-2015 (support/)', 'all', fig, trivialF1(airline), rules));
    shipped.airline = { ...fig, trivialF1: trivialF1(airline), rulesF1: rules, split: 'all (evaluation only)' };
    console.log('');
    result.reportCalibration = reliability('Calibration, report splits pooled (probabilities assume an even prior, Chinese 60 % complaints)', reportScored);
    result.airlineCalibration = reliability('Calibration, airline tweets (63% complaints)', scored);
  }
  result.shipped = shipped;

  console.log('\nCross-file: trained without the file (other files\' train splits, calibrated on their tune splits), scored on all of it.');
  console.log('English has three files (genre transfer); Russian and Chinese have one each, so their rows measure transfer from other languages only.');
  console.log(HEADER);
  const crossFile: Record<string, unknown> = {};
  const trainable = files.filter((f) => f.trainable);
  for (const out of trainable) {
    const others = trainable.filter((f) => f !== out);
    const m = trainWithout(others, featuresOf, rowsOf);
    const scored = probabilities(m, featuresOf.get(out.name) ?? []);
    const rows = rowsOf.get(out.name) ?? [];
    const fig = figures(scored, m.threshold);
    console.log(line(out.name, 'all', fig, trivialF1(rows), NaN));
    crossFile[out.name] = { ...fig, trivialF1: trivialF1(rows), trainedOn: others.map((f) => f.name) };
  }
  result.crossFile = crossFile;

  if (airline.length > 0) {
    const withTimes = airline;
    const before = topK(withTimes, null);
    const after = topK(withTimes, model);
    console.log(`\nQueue order, airline tweets (${airline.length}, ${(100 * airline.filter((r) => r.complaint).length / airline.length).toFixed(0)}% complaints): real complaints in the top 100 by priority — rules ${before}, model ${after}`);
    result.top100Airline = { rules: before, model: after };
  }
  const cesamard = files.find((f) => f.name === 'en-cesamard-amazon-complaints');
  if (cesamard) {
    const report = (rowsOf.get(cesamard.name) ?? []).filter((r) => r.split === 'report');
    const before = topK(report, null);
    const after = topK(report, model);
    console.log(`Queue order, CESAMARD report split (${report.length}, ${(100 * report.filter((r) => r.complaint).length / report.length).toFixed(0)}% complaints): real complaints in the top 100 — rules ${before}, model ${after}`);
    result.top100Cesamard = { rules: before, model: after };
  }
  const stc3 = resolve(TRIAGE_DATA, 'zh-stc3-weibo-helpdesk-first-turns-UNLABELLED.csv');
  if (existsSync(stc3)) {
    // No complaint labels: first customer turns to Weibo help desks, a mix of complaints and questions.
    const texts = Papa.parse<Record<string, string | undefined>>(readFileSync(stc3, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => r.text ?? '');
    const profile = defaultTriageProfile();
    const flagged = (m: LoadedModel | null): number => texts.filter((text) => scorePost({ text }, profile, { now: 0, complaintModel: m }).complaint).length;
    const rules = flagged(null);
    const byModel = flagged(model);
    console.log(`Weibo help-desk first turns (zh, unlabelled, ${texts.length}): flagged as complaints — rules ${rules} (${((100 * rules) / texts.length).toFixed(0)}%), model ${byModel} (${((100 * byModel) / texts.length).toFixed(0)}%)`);
    result.weiboHelpdeskFlagged = { rows: texts.length, rules, model: byModel };
  }
  return result;
}

function trainWithout(files: readonly LabelledFile[], featuresOf: Map<string, Featurised[]>, rowsOf: Map<string, Row[]>): LoadedModel {
  const train: Featurised[] = [];
  const tune: Featurised[] = [];
  for (const f of files) {
    const rows = rowsOf.get(f.name) ?? [];
    (featuresOf.get(f.name) ?? []).forEach((x, i) => {
      const split = rows[i]?.split;
      if (split === 'train') train.push(x);
      else if (split === 'tune' && calibrates(f, rows[i]?.text ?? '')) tune.push(x);
    });
  }
  return decodeModel(buildModel(trainAveraged(train, DEFAULT_OPTIONS), DEFAULT_OPTIONS.bits, tune));
}
