/**
 * Candidate Chinese feature changes for the leave-one-category-out experiment
 * (scripts/triage-loco.ts), applied on top of the shipped features so each can be judged alone
 * before anything moves into lib/triage/model/features.ts. Only Han text is touched: English and
 * Russian posts get the shipped features unchanged. (The lexicon variant tried here now ships:
 * lib/triage/model/zhLexicon.ts.)
 */
import { codeOf, FNV_OFFSET, hashString, isHanCode, step, type Features } from '../lib/triage/model/features';

export const VARIANTS = ['g14', 'g24', 'g25', 'neg'] as const;
export type Variant = (typeof VARIANTS)[number];

const HAN = /\p{Script=Han}/u;
const WORD_RE = /(?:(?!\p{Script=Han})[\p{L}\p{N}@])+/gu;

interface Gram {
  h: number;
  s: number;
  e: number;
}

/** features.ts's character n-grams, with the range of grams holding a Han character as a parameter. */
function charGrams(text: string, hanMin: number, hanMax: number): Gram[] {
  const padded = ` ${text} `;
  const out: Gram[] = [];
  for (let i = 0; i < padded.length; i++) {
    let h = FNV_OFFSET;
    let han = false;
    for (let n = 1; n <= Math.max(4, hanMax) && i + n <= padded.length; n++) {
      const c = codeOf(padded, i + n - 1);
      han ||= isHanCode(c);
      h = step(h, c);
      if (n === 1 ? !han || c === 32 || hanMin > 1 : han ? n < hanMin || n > hanMax : n > 4) continue;
      if (n === 2 && c === 32 && padded.charCodeAt(i) === 32) continue;
      out.push({ h: step(h, n), s: Math.max(0, i - 1), e: Math.min(text.length, i + n - 1) });
    }
  }
  return out;
}

/** Replace the char-gram block (it follows the word uni+bigrams in extractFeatures). */
function regram(f: Features, hanMin: number, hanMax: number, mask: number): void {
  const words = [...f.text.matchAll(WORD_RE)].length;
  const from = words > 0 ? words * 2 - 1 : 0;
  const old = charGrams(f.text, 1, 3);
  // Guard: the block found must be the shipped one.
  if (old.some((g, k) => (g.h & mask) !== f.index[from + k])) throw new Error(`char block mismatch: ${f.text}`);
  const grams = charGrams(f.text, hanMin, hanMax);
  const v = grams.length > 0 ? 1 / Math.sqrt(grams.length) : 0;
  const splice = <T>(a: T[], items: T[]): void => void a.splice(from, old.length, ...items);
  splice(f.index, grams.map((g) => g.h & mask));
  splice(f.value, grams.map(() => v));
  splice(f.start, grams.map((g) => g.s));
  splice(f.end, grams.map((g) => g.e));
}

const NEG_RE = /没有|不|没|别|无|未/g;
const NEG_SEED = hashString('zhneg');
const NEG_SCOPE = 3;

/** Characters (and pairs of them) up to three Han characters after a negator, as their own features. */
function negationScope(f: Features, mask: number): void {
  const charV = 1 / Math.sqrt(Math.max(1, charGrams(f.text, 1, 3).length));
  for (const m of f.text.matchAll(NEG_RE)) {
    const s = m.index + m[0].length;
    let e = s;
    while (e < f.text.length && e - s < NEG_SCOPE && isHanCode(f.text.charCodeAt(e))) e++;
    for (let i = s; i < e; i++) {
      let h = step(NEG_SEED, f.text.charCodeAt(i));
      f.index.push(step(h, 1) & mask);
      f.value.push(charV);
      f.start.push(m.index);
      f.end.push(i + 1);
      if (i + 1 < e) {
        h = step(h, f.text.charCodeAt(i + 1));
        f.index.push(step(h, 2) & mask);
        f.value.push(charV);
        f.start.push(m.index);
        f.end.push(i + 2);
      }
    }
  }
}

/** Apply the variants to one post's features, in place; non-Chinese text is left alone. */
export function augment(f: Features, variants: ReadonlySet<Variant>, bits: number): Features {
  if (variants.size === 0 || !HAN.test(f.text)) return f;
  const mask = (1 << bits) - 1;
  if (variants.has('g14')) regram(f, 1, 4, mask);
  else if (variants.has('g24')) regram(f, 2, 4, mask);
  else if (variants.has('g25')) regram(f, 2, 5, mask);
  if (variants.has('neg')) negationScope(f, mask);
  return f;
}
