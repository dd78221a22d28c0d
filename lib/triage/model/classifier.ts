/**
 * The shipped complaint classifier: logistic regression over lib/triage/model/features.ts with
 * weights from weights.ts (rebuilt by `npm run train`), calibrated per language (Platt scaling on
 * held-out data). Weights decode once, on first use, in whichever context scores posts (the
 * background); the content script never imports this module.
 */
import { extractFeatures, type Features, type LexiconSignals } from './features';
import type { Language } from './lang';
import { COMPLAINT_MODEL } from './weights';

export interface ModelData {
  bits: number;
  /** weight = int8 × scale */
  scale: number;
  /** base64 of one signed byte per hash bucket */
  weights: string;
  /** Platt scaling per language: p = σ(a·logit + b). */
  calibration: Readonly<Record<Language, readonly [number, number]>>;
  /** Calibrated probability at or above which a post is a complaint. */
  threshold: number;
}

export interface LoadedModel {
  bits: number;
  weights: Float32Array;
  calibration: ModelData['calibration'];
  threshold: number;
}

export interface ComplaintPrediction {
  /** Calibrated P(complaint), 0..1. */
  probability: number;
  /** Raw model score before calibration. */
  logit: number;
  language: Language;
  complaint: boolean;
  /** Words (or Chinese phrases) that pushed towards "complaint", strongest first, as normalised. */
  drivers: string[];
}

export function decodeModel(data: ModelData): LoadedModel {
  const bin = atob(data.weights);
  const weights = new Float32Array(bin.length);
  for (let i = 0; i < bin.length; i++) {
    const b = bin.charCodeAt(i);
    weights[i] = (b > 127 ? b - 256 : b) * data.scale;
  }
  return { bits: data.bits, weights, calibration: data.calibration, threshold: data.threshold };
}

let shipped: LoadedModel | undefined;
export function shippedModel(): LoadedModel {
  shipped ??= decodeModel(COMPLAINT_MODEL);
  return shipped;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function logitOf(f: Features, weights: ArrayLike<number>): number {
  let z = 0;
  for (let k = 0; k < f.index.length; k++) z += (weights[f.index[k] ?? 0] ?? 0) * (f.value[k] ?? 0);
  return z;
}

export function calibrate(model: Pick<LoadedModel, 'calibration'>, language: Language, logit: number): number {
  const [a, b] = model.calibration[language];
  return sigmoid(a * logit + b);
}

const HAN = /\p{Script=Han}/u;
const UNIT_RE = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+|\p{Script=Han}+/gu;
const MAX_DRIVERS = 3;
/** Words that carry weight only in company ("is" in "is broken"): never shown alone as evidence. */
const NOT_SHOWN: ReadonlySet<string> = new Set(
  ('a an the is are was were be been am has have had to of and or at in on for with it its i me my we our you your he she they ' +
    'this that these those do does did so as by from all just about how what when there here too very ' +
    'и в во на я с со а у по за то это он она они мы вы мой моя мне к ко о об от до же ли бы').split(' '),
);

/**
 * Spread each n-gram's contribution over the characters it covers, then sum per word; in Chinese
 * runs, pick the best non-overlapping 2–3 character windows.
 */
export function driversOf(f: Features, weights: ArrayLike<number>): string[] {
  const perChar = new Float64Array(f.text.length);
  for (let k = 0; k < f.index.length; k++) {
    const s = f.start[k] ?? -1;
    const e = f.end[k] ?? -1;
    if (s < 0 || e <= s) continue;
    const c = ((weights[f.index[k] ?? 0] ?? 0) * (f.value[k] ?? 0)) / (e - s);
    for (let i = s; i < e; i++) perChar[i] = (perChar[i] ?? 0) + c;
  }
  const units: { term: string; score: number }[] = [];
  const sum = (s: number, e: number): number => {
    let t = 0;
    for (let i = s; i < e; i++) t += perChar[i] ?? 0;
    return t;
  };
  for (const m of f.text.matchAll(UNIT_RE)) {
    const run = m[0];
    if (!HAN.test(run)) {
      if ((run.length > 1 || /\d/.test(run)) && !NOT_SHOWN.has(run)) units.push({ term: run, score: sum(m.index, m.index + run.length) });
      continue;
    }
    const windows: { s: number; e: number; score: number }[] = [];
    for (let len = Math.min(3, run.length); len >= Math.min(2, run.length); len--) {
      for (let i = 0; i + len <= run.length; i++) windows.push({ s: i, e: i + len, score: sum(m.index + i, m.index + i + len) / Math.sqrt(len) });
    }
    windows.sort((a, b) => b.score - a.score);
    const taken = new Uint8Array(run.length);
    for (const w of windows) {
      if (w.score <= 0) break;
      if (taken.subarray(w.s, w.e).some((x) => x === 1)) continue;
      taken.fill(1, w.s, w.e);
      units.push({ term: run.slice(w.s, w.e), score: w.score });
    }
  }
  const best = new Map<string, number>();
  for (const u of units) if (u.score > 0) best.set(u.term, Math.max(u.score, best.get(u.term) ?? 0));
  return [...best.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_DRIVERS)
    .map(([term]) => term);
}

/**
 * `explain`: find the driver words always, or only for a complaint (the default: nobody reads the
 * words of a post that is not one, and finding them costs as much as the prediction).
 */
const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A driver as the post spells it: the model's text is lower-cased, without apostrophes and with
 * long letter runs squeezed ("hasnt" → "hasn't", "still" → "STILL", "soo" → "sooo").
 */
export function asWritten(raw: string, term: string): string {
  const at = raw.toLowerCase().indexOf(term);
  // Lower-casing keeps the length of almost every string; check, then slice the original.
  const after = raw.charAt(at + term.length);
  if (at >= 0 && raw.length === raw.toLowerCase().length && (HAN.test(term) || !/\p{L}/u.test(after))) return raw.slice(at, at + term.length);
  const pattern = [...term].map((c) => `${escape(c)}+`).join("['’]?");
  return new RegExp(pattern, 'iu').exec(raw)?.[0] ?? term;
}

export function predictComplaint(
  text: string,
  signals?: LexiconSignals,
  model: LoadedModel = shippedModel(),
  explain: 'always' | 'ifComplaint' = 'ifComplaint',
): ComplaintPrediction {
  const f = extractFeatures(text, model.bits, signals);
  const logit = logitOf(f, model.weights);
  const probability = calibrate(model, f.language, logit);
  const complaint = probability >= model.threshold;
  const drivers = explain === 'always' || complaint ? driversOf(f, model.weights).map((d) => asWritten(text, d)) : [];
  return { probability, logit, language: f.language, complaint, drivers };
}
