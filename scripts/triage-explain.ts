/**
 * What pushed one text's complaint score, for the experiment scripts (EN_EXPLAIN, RU_EXPLAIN): each
 * named feature's contribution (its plain and language-crossed copies) and what the n-grams add.
 */
import { calibrate, logitOf, type LoadedModel } from '../lib/triage/model/classifier';
import { extractFeatures, hashString } from '../lib/triage/model/features';
import { CUES } from '../lib/triage/model/grievance';
import { PLAIN_WEIGHTS } from '../lib/triage/model/train';

/** The learned named features, then every hand-set one (train.ts PLAIN_WEIGHTS, without its language suffix). */
const NAMED = [
  ...new Set([
    'bias', 'x:addressed', 'x:length', 'lex:negative', 'lex:positive', 'lex:complaint', 'lex:question', 'lex:praise',
    ...Object.keys(PLAIN_WEIGHTS).map((key) => key.split('@')[0] ?? key),
  ]),
];

/** One line: probability, logit, the n-grams' share, then every named feature worth more than 0.05. */
export function explainLine(text: string, model: LoadedModel, bits: number, extraNames: readonly string[] = []): string {
  const mask = (1 << bits) - 1;
  const f = extractFeatures(text, bits);
  const seed = hashString(`lang:${f.language}`);
  const parts: string[] = [];
  let named = 0;
  for (const n of [...NAMED, ...extraNames, ...CUES.map((c) => `cue:${c.name}`)]) {
    const slots = new Set([hashString(n) & mask, hashString(n, seed) & mask]);
    let c = 0;
    f.index.forEach((ix, k) => {
      if (slots.has(ix)) c += (model.weights[ix] ?? 0) * (f.value[k] ?? 0);
    });
    if (Math.abs(c) > 0.05) parts.push(`${n} ${c.toFixed(2)}`);
    named += c;
  }
  const z = logitOf(f, model.weights);
  return `  ${calibrate(model, f.language, z).toFixed(2)} z ${z.toFixed(2)} ngrams ${(z - named).toFixed(2)} | ${parts.join(', ')} | ${text}`;
}
