/**
 * Deterministic trainer for the complaint model: logistic regression by AdaGrad SGD with L2, a
 * seeded shuffle, per-example weights (class balance and per-source weight, chosen by the caller),
 * then Platt calibration per language on held-out examples and int8 quantisation. The same
 * examples and options give the same bytes on every run. Pure: no file access (scripts/train.ts
 * reads the data and writes weights.ts).
 */
import { seededRandom } from '../../random';
import type { ModelData } from './classifier';
import { extractFeatures, hashString, lexiconSignals, type Features, type LexiconSignals } from './features';
import { LANGUAGES, type Language } from './lang';

export interface Example {
  text: string;
  complaint: boolean;
  /** Importance in the loss (class balance × source weight). */
  weight: number;
}

export interface Featurised {
  features: Features;
  complaint: boolean;
  weight: number;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Pull of a cue towards its prior weight, per example that has it. */
  priorStrength: number;
}

export const DEFAULT_OPTIONS: TrainOptions = { bits: 18, epochs: 6, learningRate: 0.2, l2: 1e-6, seed: 18, priorStrength: 0.03 };

/**
 * Prior weights of the grievance cues (lib/triage/model/grievance.ts). The training data is mostly
 * reviews and general tweets, where "still", "3 weeks" or "hasn't arrived" are rare; a customer
 * writing to a brand uses them all the time. Each cue starts at its prior and is pulled back to it
 * (not to 0), so the data can move it but not erase it.
 */
export const CUE_PRIORS: ReadonlyMap<string, number> = new Map(
  ['en', 'ru', 'zh'].flatMap((l) => [
    [`cue:${l}.unresolved`, 1],
    [`cue:${l}.neverDid`, 1],
    [`cue:${l}.time`, 0.5],
    [`cue:${l}.broken`, 0.5],
    [`cue:${l}.accuse`, 0.5],
    [`cue:${l}.expect`, 0.5],
    [`cue:${l}.demand`, 0.5],
    [`cue:${l}.still`, 0.3],
    [`cue:${l}.again`, 0.3],
    [`cue:${l}.mine`, 0.3],
    [`cue:${l}.money`, 0.3],
    [`cue:${l}.order`, 0.2],
    [`cue:${l}.request`, -0.5],
  ] as const),
);

export function priorsOf(bits: number, priors: ReadonlyMap<string, number> = CUE_PRIORS): Map<number, number> {
  const mask = (1 << bits) - 1;
  const out = new Map<number, number>();
  for (const [name, w] of priors) out.set(hashString(name) & mask, w);
  return out;
}


export function featurise(examples: readonly Example[], bits: number, signals?: (e: Example, i: number) => LexiconSignals): Featurised[] {
  return examples.map((e, i) => ({ features: extractFeatures(e.text, bits, signals ? signals(e, i) : lexiconSignals(e.text)), complaint: e.complaint, weight: e.weight }));
}

export function trainWeights(data: readonly Featurised[], options: TrainOptions): Float64Array {
  const w = new Float64Array(1 << options.bits);
  const g2 = new Float64Array(1 << options.bits);
  const prior = new Float64Array(1 << options.bits);
  const pull = new Float64Array(1 << options.bits).fill(options.l2);
  // The language-crossed copies of the cues may not quietly cancel the prior: pulled to 0 alike.
  const mask = (1 << options.bits) - 1;
  for (const name of CUE_PRIORS.keys()) {
    for (const l of LANGUAGES) pull[hashString(name, hashString(`lang:${l}`)) & mask] = options.priorStrength;
  }
  for (const [at, p] of priorsOf(options.bits)) {
    w[at] = p;
    prior[at] = p;
    pull[at] = options.priorStrength;
  }
  const order = data.map((_, i) => i);
  const random = seededRandom(options.seed);
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
      let z = 0;
      for (let k = 0; k < index.length; k++) z += (w[index[k] ?? 0] ?? 0) * (value[k] ?? 0);
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - (ex.complaint ? 1 : 0)) * ex.weight;
      for (let k = 0; k < index.length; k++) {
        const at = index[k] ?? 0;
        const wi = w[at] ?? 0;
        const grad = g * (value[k] ?? 0) + (pull[at] ?? 0) * (wi - (prior[at] ?? 0));
        const acc = (g2[at] ?? 0) + grad * grad;
        g2[at] = acc;
        w[at] = wi - (options.learningRate * grad) / Math.sqrt(acc + 1e-8);
      }
    }
  }
  return w;
}

/** Platt scaling: fit p = σ(a·z + b) by Newton's method on the weighted log loss. */
export function fitPlatt(rows: readonly { z: number; y: boolean; w: number }[]): readonly [number, number] {
  let a = 1, b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (const r of rows) {
      const p = 1 / (1 + Math.exp(-(a * r.z + b)));
      const d = (p - (r.y ? 1 : 0)) * r.w;
      const h = p * (1 - p) * r.w;
      ga += d * r.z;
      gb += d;
      haa += h * r.z * r.z;
      hab += h * r.z;
      hbb += h;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return [a, b];
}

/** Round to 6 significant digits so the serialised numbers are short and stable. */
const tidy = (n: number): number => Number(n.toPrecision(6));

export function quantise(w: Float64Array): { scale: number; bytes: Uint8Array; dequantised: Float32Array } {
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = tidy(max > 0 ? max / 127 : 1);
  const bytes = new Uint8Array(w.length);
  const dequantised = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const q = Math.max(-127, Math.min(127, Math.round((w[i] ?? 0) / scale)));
    bytes[i] = q & 0xff;
    dequantised[i] = q * scale;
  }
  return { scale, bytes, dequantised };
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * Quantise, then calibrate per language on the held-out examples with the quantised weights (what
 * ships is what is calibrated). Languages without held-out data borrow English's calibration.
 */
export function buildModel(weights: Float64Array, bits: number, heldOut: readonly Featurised[], threshold = 0.5): ModelData {
  const { scale, bytes, dequantised } = quantise(weights);
  const fit = (lang: Language): readonly [number, number] | undefined => {
    const rows = heldOut.filter((e) => e.features.language === lang);
    if (rows.length < 50 || !rows.some((r) => r.complaint) || !rows.some((r) => !r.complaint)) return undefined;
    const [a, b] = fitPlatt(balanced(rows, dequantised));
    return [tidy(a), tidy(b)];
  };
  const en = fit('en') ?? [1, 0];
  const calibration: ModelData['calibration'] = { en, ru: fit('ru') ?? en, zh: fit('zh') ?? en, other: fit('other') ?? en };
  return { bits, scale, weights: toBase64(bytes), calibration, threshold };
}

/** Held-out rows weighted so both classes count equally: probabilities assume an even prior. */
function balanced(rows: readonly Featurised[], w: Float32Array): { z: number; y: boolean; w: number }[] {
  const pos = rows.filter((r) => r.complaint).length;
  const neg = rows.length - pos;
  return rows.map((r) => {
    let z = 0;
    const { index, value } = r.features;
    for (let k = 0; k < index.length; k++) z += (w[index[k] ?? 0] ?? 0) * (value[k] ?? 0);
    return { z, y: r.complaint, w: r.complaint ? rows.length / (2 * pos) : rows.length / (2 * neg) };
  });
}

export function serialiseModel(model: ModelData, note: string): string {
  return `/* Generated by scripts/train.ts (${note}). Do not edit: run \`npm run train\`. */
import type { ModelData } from './classifier';

export const COMPLAINT_MODEL: ModelData = {
  bits: ${model.bits},
  scale: ${model.scale},
  threshold: ${model.threshold},
  calibration: ${JSON.stringify(model.calibration)},
  weights:
    '${model.weights}',
};
`;
}
