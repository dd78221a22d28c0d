/**
 * Canned replies are fine; the same canned reply pasted to dozens of people in a day, or twice to
 * the same person, reads as a bot. Near-verbatim = Jaccard of word 3-shingles ≥ 0.8 after masking
 * what legitimately differs between copies (handles, numbers, links, the name after a greeting).
 */
import type { PreviousReply } from '../schemas/templates';

export interface RepetitionOptions {
  author: string;
  now: number;
  /** Start of "today"; defaults to 24 hours before `now` (the caller knows the brand's zone). */
  since?: number;
  /** Warn when at least this many other people got a near-identical reply today. */
  sameDayThreshold?: number;
  similarity?: number;
}

export interface RepetitionHit {
  code: 'tone.repeatedToday' | 'tone.repeatedToAuthor';
  params: Record<string, string | number>;
}

export const DEFAULT_SAME_DAY_THRESHOLD = 5;
export const DEFAULT_SIMILARITY = 0.8;
const DAY_MS = 86_400_000;

const GREETINGS = ['hi', 'hello', 'hey', 'dear', 'thanks', 'thank you', 'привет', 'здравствуйте', 'спасибо', 'уважаем*', 'добрый день'];
// Greeting words match in any case, but the name after them must be capitalised: the `i` flag
// would make \p{Lu} match every letter, so case-insensitivity is spelled out per letter.
const anyCase = (word: string): string => {
  const stem = word.endsWith('*') ? word.slice(0, -1) : word;
  const letters = stem.replace(/\p{Ll}/gu, (ch) => `[${ch}${ch.toLocaleUpperCase()}]`).replace(/ /gu, '\\s+');
  return word.endsWith('*') ? `${letters}\\p{L}*` : letters;
};
const GREETED_NAME = new RegExp(
  `(^|[\\s,.!?])(${GREETINGS.map(anyCase).join('|')})([\\s,]+)\\p{Lu}[\\p{L}'-]*`,
  'gu',
);

/** Tokens with names, handles, numbers and links masked; each Han character is its own token. */
export function normaliseForRepetition(text: string): string[] {
  const masked = text
    .normalize('NFKC')
    .replace(/https?:\/\/\S+/giu, ' url ')
    .replace(/@[\p{L}\p{N}_]+/gu, ' handle ')
    .replace(GREETED_NAME, (_m, pre: string, greet: string, sep: string) => `${pre}${greet}${sep}name`)
    .replace(/\p{N}+(?:[.,:/-]\p{N}+)*/gu, ' 0 ')
    .toLocaleLowerCase();
  return masked.match(/\p{Script=Han}|[\p{L}\p{N}_]+/gu) ?? [];
}

export function shingles(tokens: readonly string[], size = 3): Set<string> {
  const out = new Set<string>();
  if (tokens.length === 0) return out;
  if (tokens.length <= size) {
    out.add(tokens.join(' '));
    return out;
  }
  for (let i = 0; i + size <= tokens.length; i++) out.add(tokens.slice(i, i + size).join(' '));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0; // two empty replies are not "the same reply"
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export const textSimilarity = (a: string, b: string): number =>
  jaccard(shingles(normaliseForRepetition(a)), shingles(normaliseForRepetition(b)));

const handleKey = (h: string): string => h.trim().replace(/^@/u, '').toLocaleLowerCase();

export function repetition(text: string, previous: readonly PreviousReply[], options: RepetitionOptions): RepetitionHit[] {
  const threshold = Math.max(1, options.sameDayThreshold ?? DEFAULT_SAME_DAY_THRESHOLD);
  const minSimilarity = options.similarity ?? DEFAULT_SIMILARITY;
  const since = options.since ?? options.now - DAY_MS;
  const me = handleKey(options.author);
  const mine = shingles(normaliseForRepetition(text));
  if (mine.size === 0) return [];
  const othersToday = new Set<string>();
  let lastToAuthor: number | undefined;
  for (const prev of previous) {
    if (jaccard(mine, shingles(normaliseForRepetition(prev.text))) < minSimilarity) continue;
    const who = handleKey(prev.toAuthor);
    if (me !== '' && who === me) {
      lastToAuthor = Math.max(lastToAuthor ?? 0, prev.at);
    } else if (prev.at >= since && prev.at <= options.now) {
      othersToday.add(who);
    }
  }
  const hits: RepetitionHit[] = [];
  if (othersToday.size >= threshold) {
    hits.push({ code: 'tone.repeatedToday', params: { count: othersToday.size, threshold } });
  }
  if (lastToAuthor !== undefined) hits.push({ code: 'tone.repeatedToAuthor', params: { at: lastToAuthor } });
  return hits;
}
