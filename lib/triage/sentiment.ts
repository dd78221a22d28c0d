/**
 * Lexicon-based, explainable sentiment in English, Russian and Chinese (VADER-like rules on
 * AFINN-like valences): negators flip and dampen the next few words, intensifiers scale the next
 * word, ALL-CAPS and "!!!" amplify, a contrast word ("but", "но") shifts weight to what follows.
 * Returns the words that drove the score so the UI can show why.
 */
import { EMOJI_VALENCE, EMOTICON_VALENCE } from './lexicon/emoji';
import { EN_CONTRAST, EN_INTENSIFIERS, EN_NEGATORS, EN_VALENCE } from './lexicon/en';
import { RU_CONTRAST, RU_INTENSIFIERS, RU_NEGATORS, RU_VALENCE } from './lexicon/ru';
import { ZH_INTENSIFIERS, ZH_NEGATORS, ZH_VALENCE } from './lexicon/zh';
import { isCyrillic, type Token, tokenize } from './text';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentDriver {
  term: string;
  /** Valence after negation and intensity, before normalisation. */
  value: number;
}

export interface Sentiment {
  /** −1..1 */
  score: number;
  label: SentimentLabel;
  drivers: SentimentDriver[];
}

/** Negation scales rather than fully inverts: "not great" is mildly negative, not terrible. */
const NEGATION_SCALE = -0.74;
const NEGATION_SPAN = 3;
const CAPS_BOOST = 1.4;
const BANG_STEP = 0.292;
/** VADER's normalisation constant: sum / sqrt(sum² + α) maps any sum into (−1, 1). */
const ALPHA = 15;
export const LABEL_THRESHOLD = 0.05;

const EN_SUFFIXES = ['ing', 'ed', 'es', 's', 'ly', 'y'];
const RU_MIN_STEM = 4;
const ZH_MAX_ENTRY = Math.max(...[...ZH_VALENCE.keys()].map((k) => k.length));

function enValence(word: string): number | undefined {
  const direct = EN_VALENCE.get(word);
  if (direct !== undefined) return direct;
  // Repeated letters are emphasis on social media: "sooo baaad" → "so bad".
  const squeezed = word.replace(/(.)\1{2,}/g, '$1');
  if (squeezed !== word) return enValence(squeezed) ?? EN_VALENCE.get(squeezed.replace(/(.)\1/g, '$1'));
  for (const suffix of EN_SUFFIXES) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      const hit = EN_VALENCE.get(stem) ?? EN_VALENCE.get(`${stem}e`);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

function ruValence(word: string): number | undefined {
  const exact = RU_VALENCE.get(word);
  if (exact !== undefined) return exact;
  for (let k = Math.min(word.length - 1, 12); k >= RU_MIN_STEM; k--) {
    const hit = RU_VALENCE.get(word.slice(0, k));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export function wordValence(word: string): number | undefined {
  return isCyrillic(word) ? ruValence(word) : enValence(word);
}

const isNegator = (w: string): boolean => EN_NEGATORS.has(w) || RU_NEGATORS.has(w) || w.endsWith("n't");
const intensity = (w: string): number | undefined => EN_INTENSIFIERS.get(w) ?? RU_INTENSIFIERS.get(w);
const isContrast = (w: string): boolean => EN_CONTRAST.has(w) || RU_CONTRAST.has(w);

/** Scan a run of Chinese characters, longest entry first, with negators and intensifiers in front. */
function scoreCjk(run: string, out: SentimentDriver[]): void {
  let i = 0;
  while (i < run.length) {
    let matched = '';
    for (let len = Math.min(ZH_MAX_ENTRY, run.length - i); len >= 1; len--) {
      const piece = run.slice(i, i + len);
      if (ZH_VALENCE.has(piece)) {
        matched = piece;
        break;
      }
    }
    if (!matched) {
      i++;
      continue;
    }
    let value = ZH_VALENCE.get(matched) ?? 0;
    if (value === 0) {
      i += matched.length; // a neutral compound: its parts are not read on their own
      continue;
    }
    const before = run.slice(Math.max(0, i - 3), i);
    for (const [word, scale] of ZH_INTENSIFIERS) {
      if (before.endsWith(word)) value *= scale;
    }
    if (ZH_NEGATORS.some((n) => before.endsWith(n) || before.slice(0, -1).endsWith(n))) value *= NEGATION_SCALE;
    out.push({ term: matched, value });
    i += matched.length;
  }
}

interface Scored {
  driver: SentimentDriver;
  /** Index of the token, for contrast weighting. */
  at: number;
}

export function analyzeSentiment(text: string, tokens: Token[] = tokenize(text)): Sentiment {
  const scored: Scored[] = [];
  const letters = text.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length > 0 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
  let negateLeft = 0;
  let boost = 1;
  let contrastAt = -1;
  let bangs = 0;

  tokens.forEach((token, at) => {
    let value: number | undefined;
    const term = token.raw;
    if (token.kind === 'word' || token.kind === 'hashtag') {
      const w = token.value;
      if (token.kind === 'word' && isNegator(w)) {
        negateLeft = NEGATION_SPAN;
        return;
      }
      if (token.kind === 'word' && isContrast(w)) {
        contrastAt = at;
        negateLeft = 0;
        return;
      }
      const scale = token.kind === 'word' ? intensity(w) : undefined;
      if (scale !== undefined && wordValence(w) === undefined) {
        boost *= scale;
        return;
      }
      value = wordValence(w);
      if (value !== undefined) {
        value *= boost;
        if (negateLeft > 0) value *= NEGATION_SCALE;
        const isCaps = token.raw.length >= 3 && token.raw === token.raw.toUpperCase() && /\p{Lu}/u.test(token.raw);
        if (isCaps && !shouting) value *= CAPS_BOOST;
      }
      if (negateLeft > 0) negateLeft--;
      boost = 1;
    } else if (token.kind === 'cjk') {
      const before = scored.length;
      const drivers: SentimentDriver[] = [];
      scoreCjk(token.value, drivers);
      for (const d of drivers) scored.push({ driver: d, at });
      if (scored.length > before) negateLeft = 0;
      return;
    } else if (token.kind === 'emoji') {
      value = EMOJI_VALENCE.get(token.value);
    } else if (token.kind === 'emoticon') {
      value = EMOTICON_VALENCE.get(token.value);
    } else if (token.kind === 'bang') {
      bangs += token.value.length;
      return;
    } else if (token.kind === 'punct') {
      // Clause boundary: negation does not cross a full stop or comma.
      negateLeft = 0;
      boost = 1;
      return;
    }
    if (value !== undefined && value !== 0) scored.push({ driver: { term, value }, at });
  });

  let sum = 0;
  for (const s of scored) {
    if (contrastAt >= 0) s.driver.value *= s.at < contrastAt ? 0.5 : 1.5;
    sum += s.driver.value;
  }
  if (sum !== 0 && bangs > 0) sum += Math.sign(sum) * Math.min(bangs, 4) * BANG_STEP;
  if (shouting && sum !== 0) sum *= 1.2;
  const score = sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
  const label: SentimentLabel = score >= LABEL_THRESHOLD ? 'positive' : score <= -LABEL_THRESHOLD ? 'negative' : 'neutral';
  const drivers = scored
    .map((s) => ({ term: s.driver.term, value: Math.round(s.driver.value * 100) / 100 }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  return { score: Math.round(score * 1000) / 1000, label, drivers };
}
