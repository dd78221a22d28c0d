/**
 * Phrase matching with exact UTF-16 ranges into the original text (the panel highlights
 * `text.slice(start, end)`). Case-insensitive via the regex `i` flag rather than lower-casing the
 * text, because lower-casing can change string length and shift every offset after it.
 */

export interface Match {
  start: number;
  end: number;
  phrase: string;
}

const WORDISH = /[\p{L}\p{N}_]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Regex source for one phrase: `*` at the end of a word = any letters; spaces = any whitespace. */
export function phraseSource(phrase: string): string {
  const trimmed = phrase.trim();
  const body = trimmed
    .split(/\s+/u)
    .map((word) => (word.endsWith('*') && word.length > 1 ? `${escape(word.slice(0, -1))}\\p{L}*` : escape(word)))
    .join('\\s+');
  const first = trimmed.charAt(0);
  const last = trimmed.endsWith('*') ? 'a' : trimmed.slice(-1);
  // Word boundaries for alphabetic scripts only: Chinese has no spaces between words.
  // A phrase starting/ending in a digit ("100%") only needs to not be part of a longer number,
  // so "退款100%" still matches.
  const edge = (ch: string): string =>
    /\p{N}/u.test(ch) ? '\\p{N}' : WORDISH.test(ch) && !CJK.test(ch) ? '[\\p{L}\\p{N}_]' : '';
  const before = edge(first);
  const after = edge(last);
  const lead = before ? `(?<!${before})` : '';
  const trail = after ? `(?!${after})` : '';
  return `${lead}${body}${trail}`;
}

const cache = new Map<string, RegExp>();

function compile(source: string): RegExp | null {
  let re = cache.get(source);
  if (!re) {
    try {
      re = new RegExp(source, 'giu');
    } catch {
      return null; // a user-entered phrase we cannot compile never breaks the check
    }
    if (cache.size > 2000) cache.clear();
    cache.set(source, re);
  }
  re.lastIndex = 0;
  return re;
}

/** All matches of a raw regex source, as ranges. */
export function findSource(text: string, source: string, phrase: string): Match[] {
  const re = compile(source);
  if (!re) return [];
  const out: Match[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, phrase });
  }
  return out;
}

/**
 * Matches of any of `phrases`, with overlapping matches merged into one range, so "today for
 * sure" is one finding (not also "for sure") and "will never happen again" one highlight.
 */
export function findPhrases(text: string, phrases: readonly string[]): Match[] {
  const all: Match[] = [];
  for (const phrase of phrases) {
    if (phrase.trim() === '') continue;
    all.push(...findSource(text, phraseSource(phrase), phrase));
  }
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Match[] = [];
  for (const m of all) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) last.end = Math.max(last.end, m.end);
    else kept.push({ ...m });
  }
  return kept;
}
