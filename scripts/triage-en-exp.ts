/**
 * English experiment for the complaint model (does not ship; skips without ../shared/data):
 * trains as `npm run train` does and scores the English dev split of tests/fixtures/triage and the
 * English files' tune splits (test and report splits are never read here). Hand-set features
 * count 0 while the n-grams train, so the learned weights do not depend on them: they are trained
 * once and cached in the temp folder, and variants of hand-set weights, cue lists and the English
 * calibration prior are scored against the same learned weights (paired, same seeds).
 *   EN_PRIOR=0.45          English calibration prior (default: train.ts CALIBRATION_PRIOR)
 *   EN_FIXED='{"k":w}'     extra or changed hand-set weights
 *   EN_RETRAIN=1           ignore the cache
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Papa from 'papaparse';
import { resolve } from 'node:path';
import { calibrate, decodeModel, logitOf } from '../lib/triage/model/classifier';
import { extractFeatures, hashString } from '../lib/triage/model/features';
import { CUES } from '../lib/triage/model/grievance';
import { prf } from '../lib/triage/model/metrics';
import { AVERAGED_SEEDS, buildModel, CALIBRATION_PRIOR, DEFAULT_OPTIONS, featurise, trainAveraged, type Featurised } from '../lib/triage/model/train';
import { available, examplesOf, LABELLED_FILES, readRows, TRIAGE_DATA } from './triage-data';
import { loadDevSets } from './triage-devsets';
import { scoresOf } from './triage-loco-dev';

const CACHE = resolve(tmpdir(), 'replyline-en-exp');
const opts = DEFAULT_OPTIONS;

function slotOf(key: string, mask: number): number {
  const [name = key, lang] = key.split('@');
  return (lang ? hashString(name, hashString(`lang:${lang}`)) : hashString(name)) & mask;
}

/**
 * EN_CESA="calm:2" multiplies the loss weight of CESAMARD's complaints whose own Sentiment field
 * is neutral (calm complaints); "neutral:2" of all its neutral rows; "reproach:2" of its
 * "No explicit reproach" complaints.
 */
function cesamardMultiplier(): (text: string) => number {
  const spec = process.env.EN_CESA;
  if (!spec) return () => 1;
  const [kind, by = '1'] = spec.split(':');
  const file = LABELLED_FILES.find((f) => f.name === 'en-cesamard-amazon-complaints');
  if (!file) return () => 1;
  const meta = new Map<string, { complaint: boolean; severity: string; sentiment: string }>();
  for (const r of Papa.parse<Record<string, string | undefined>>(readFileSync(file.path, 'utf8'), { header: true, skipEmptyLines: true }).data) {
    const [, , severity = '', sentiment = ''] = (r.orig_label ?? '').split('|');
    meta.set(r.text ?? '', { complaint: r.label === 'complaint', severity, sentiment });
  }
  return (text) => {
    const m = meta.get(text);
    if (!m) return 1;
    const hit = kind === 'calm' ? m.complaint && m.sentiment === 'Sentiment=1' : kind === 'neutral' ? m.sentiment === 'Sentiment=1' : kind === 'reproach' ? m.complaint && m.severity === 'Severity=No explicit reproach' : false;
    return hit ? Number(by) : 1;
  };
}

function learned(): Float64Array {
  const path = resolve(CACHE, `learned-${opts.bits}-${AVERAGED_SEEDS.join('.')}${process.env.EN_CESA ? `-${process.env.EN_CESA.replace(':', '')}` : ''}.bin`);
  if (existsSync(path) && !process.env.EN_RETRAIN) return new Float64Array(readFileSync(path).buffer.slice(0));
  const train: Featurised[] = [];
  const mult = cesamardMultiplier();
  for (const file of LABELLED_FILES.filter((f) => f.trainable && available(f))) {
    const rows = readRows(file.path);
    const ex = examplesOf(file, rows).map((e) => (file.name === 'en-cesamard-amazon-complaints' ? { ...e, weight: e.weight * mult(e.text) } : e));
    train.push(...featurise(ex.filter((_, i) => rows[i]?.split === 'train'), opts.bits));
  }
  const w = trainAveraged(train, opts);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(path, Buffer.from(w.buffer));
  return w;
}

function main(): void {
  if (!existsSync(TRIAGE_DATA)) {
    console.log(`en-exp: ${TRIAGE_DATA} not found — skipping.`);
    return;
  }
  const extra = JSON.parse(process.env.EN_FIXED ?? '{}') as Record<string, number>;
  const fixed = { ...opts.fixed, ...extra };
  const w = learned().slice();
  const mask = (1 << opts.bits) - 1;
  for (const [key, p] of Object.entries(fixed)) w[slotOf(key, mask)] = p;

  const tune: { file: string; rows: Featurised[] }[] = [];
  for (const file of LABELLED_FILES.filter((f) => f.trainable && f.lang === 'en' && available(f))) {
    const rows = readRows(file.path);
    tune.push({ file: file.name, rows: featurise(examplesOf(file, rows).filter((_, i) => rows[i]?.split === 'tune'), opts.bits) });
  }
  const prior = process.env.EN_PRIOR ? Number(process.env.EN_PRIOR) : (CALIBRATION_PRIOR.en ?? 0.5);
  const model = decodeModel(buildModel(w, opts.bits, tune.flatMap((t) => t.rows), 0.5, { ...CALIBRATION_PRIOR, en: prior }));
  const score = (rows: readonly Featurised[]): { p: number; truth: boolean }[] =>
    rows.map((r) => ({ p: calibrate(model, r.features.language, logitOf(r.features, model.weights)), truth: r.complaint }));
  const line = (name: string, s: { p: number; truth: boolean }[]): void => {
    const m = prf(s.map((r) => ({ truth: r.truth, predicted: r.p >= model.threshold })));
    const sc = scoresOf(s, model.threshold);
    // F1 with complaints reweighted to the owner's 36 % share, same cut.
    const pos = s.filter((r) => r.truth).length;
    const wPos = 0.36 / Math.max(1e-9, pos / s.length), wNeg = 0.64 / Math.max(1e-9, 1 - pos / s.length);
    let tp = 0, fp = 0, fn = 0;
    for (const r of s) {
      if (r.p >= model.threshold) {
        if (r.truth) tp += wPos;
        else fp += wNeg;
      } else if (r.truth) fn += wPos;
    }
    console.log(`${name.padEnd(34)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} AUC ${sc.auc.toFixed(3)} best ${sc.bestF1.toFixed(3)}@${sc.bestCut.toFixed(2)} F1@36% ${((2 * tp) / Math.max(1e-9, 2 * tp + fp + fn)).toFixed(3)}`);
  };
  console.log(`en-exp prior ${prior} extra ${JSON.stringify(extra)}`);
  for (const set of loadDevSets().sets.filter((s) => s.lang === 'en')) {
    const dev = set.rows.filter((r) => r.split === 'dev');
    const rows = dev.map((r) => ({ features: extractFeatures(r.text, opts.bits), complaint: r.complaint, weight: 1 }));
    const s = score(rows);
    line(`${set.name} dev`, s);
    if (process.env.EN_ERRORS) {
      s.forEach((r, i) => {
        if ((r.p >= 0.5) !== r.truth) console.log(`  ${r.truth ? 'FN' : 'FP'} ${r.p.toFixed(2)} ${dev[i]?.text}`);
      });
    }
  }
  for (const t of tune) line(`${t.file} tune`, score(t.rows));
  const explain = process.env.EN_EXPLAIN;
  if (explain) {
    // Contributions of the named features; the rest is n-grams.
    const names = ['bias', 'x:addressed', 'x:length', 'lex:negative', 'lex:positive', 'lex:complaint', 'lex:question', 'lex:praise', 'q:info', 'q:suggest', 'q:relay', 'q:news', 'x:aside', 'x:concession', ...CUES.map((c) => `cue:${c.name}`)];
    for (const text of explain.split('|')) {
      const f = extractFeatures(text, opts.bits);
      const seed = hashString(`lang:${f.language}`);
      const parts: string[] = [];
      let named = 0;
      for (const n of names) {
        const slots = new Set([hashString(n) & mask, hashString(n, seed) & mask]);
        let c = 0;
        f.index.forEach((ix, k) => { if (slots.has(ix)) c += (model.weights[ix] ?? 0) * (f.value[k] ?? 0); });
        if (Math.abs(c) > 0.05) parts.push(`${n} ${c.toFixed(2)}`);
        named += c;
      }
      const z = logitOf(f, model.weights);
      console.log(`  ${calibrate(model, f.language, z).toFixed(2)} z ${z.toFixed(2)} ngrams ${(z - named).toFixed(2)} | ${parts.join(', ')} | ${text}`);
    }
  }
  const probes = process.env.EN_PROBES;
  if (probes && existsSync(probes)) {
    for (const text of readFileSync(probes, 'utf8').split('\n').filter(Boolean)) {
      const f = extractFeatures(text, opts.bits);
      console.log(`  ${calibrate(model, f.language, logitOf(f, model.weights)).toFixed(2)} ${text}`);
    }
  }
}

main();
