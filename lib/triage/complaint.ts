/**
 * Complaint evidence: phrases and hashtags from lexicon/complaint.ts plus the brand's own terms,
 * negation-aware ("not bad", "no problem", "never had an issue", "не плохо", "没问题" are not
 * complaints). Phrases compile once into one alternation so a post is scanned in a single pass.
 */
import { COMPLAINT_HASHTAGS, COMPLAINT_PHRASES, type ComplaintPhrase } from './lexicon/complaint';
import { EN_NEGATORS } from './lexicon/en';
import { RU_NEGATORS } from './lexicon/ru';
import { ZH_NEGATORS } from './lexicon/zh';
import { normalizeText, type Token } from './text';

export interface ComplaintHit {
  /** The post's own words (or '#tag') that matched. */
  evidence: string;
  strength: number;
}

/** A phrase as words; `stem` means the last word is a prefix ("сломал*"). */
interface WordPhrase {
  words: string[];
  stem: boolean;
  strength: number;
}

/**
 * Phrases indexed by their first word, so a post is scanned word by word with a map lookup
 * instead of one huge regex alternation (which V8 tries alternative by alternative: 10× slower).
 */
interface Matcher {
  byFirst: Map<string, WordPhrase[]>;
  /** Phrases that are a single stem: checked by prefix against every word. */
  stems: WordPhrase[];
  han: Map<string, number>;
  hanMax: number;
}

const HAN = /\p{Script=Han}/u;
/** Words of a phrase definition: a trailing '*' marks a stem. */
const WORD_RE = /[\p{L}\p{N}]+(?:'[\p{L}]+)*\*?|\?/gu;
/** Words of a post; '?' is a word so "again?" can match. */
const BODY_WORD_RE = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|\?/gu;

function buildMatcher(phrases: readonly ComplaintPhrase[]): Matcher {
  const byFirst = new Map<string, WordPhrase[]>();
  const stems: WordPhrase[] = [];
  const han = new Map<string, number>();
  let hanMax = 0;
  for (const { phrase, strength } of phrases) {
    const key = normalizeText(phrase).toLowerCase();
    if (HAN.test(key)) {
      han.set(key, Math.max(strength, han.get(key) ?? 0));
      hanMax = Math.max(hanMax, key.length);
      continue;
    }
    const words = key.match(WORD_RE) ?? [];
    const last = words[words.length - 1];
    if (last === undefined) continue;
    const stem = last.endsWith('*');
    if (stem) words[words.length - 1] = last.slice(0, -1);
    const entry: WordPhrase = { words, stem, strength };
    const first = words[0] ?? '';
    if (stem && words.length === 1) stems.push(entry);
    else byFirst.set(first, [...(byFirst.get(first) ?? []), entry]);
  }
  // Longest first so "still not working" wins over "still not" at the same position.
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, stems, han, hanMax };
}

function matchesAt(words: readonly string[], i: number, p: WordPhrase): boolean {
  for (let k = 0; k < p.words.length; k++) {
    const w = words[i + k];
    const want = p.words[k] ?? '';
    if (w === undefined) return false;
    const isLast = k === p.words.length - 1;
    if (isLast && p.stem ? !w.startsWith(want) : w !== want) return false;
  }
  return true;
}

const BUILT_IN = buildMatcher(COMPLAINT_PHRASES);
const profileMatchers = new WeakMap<readonly string[], Matcher>();

function matcherFor(terms: readonly string[]): Matcher | undefined {
  if (terms.length === 0) return undefined;
  let m = profileMatchers.get(terms);
  if (!m) {
    m = buildMatcher(terms.map((phrase) => ({ phrase, strength: 1 })));
    profileMatchers.set(terms, m);
  }
  return m;
}

const NEGATION_WINDOW_WORDS = 3;

/** Is the match at `index` negated by one of the few words (or Chinese characters) before it? */
export function isNegatedAt(text: string, index: number, matched: string): boolean {
  const before = text.slice(Math.max(0, index - 40), index);
  if (HAN.test(matched)) {
    const tail = before.slice(-3);
    return ZH_NEGATORS.some((n) => tail.endsWith(n) || tail.slice(0, -1).endsWith(n));
  }
  // Only words in the same clause count: "No. It is broken" is still a complaint.
  const clause = before.split(/[.!?;,。！？；，\n]/).pop() ?? '';
  const words = clause.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return words
    .slice(-NEGATION_WINDOW_WORDS)
    .some((w) => EN_NEGATORS.has(w) || RU_NEGATORS.has(w) || w.endsWith("n't"));
}

interface WordAt {
  word: string;
  at: number;
}

function scan(text: string, words: readonly WordAt[], matcher: Matcher, out: ComplaintHit[]): void {
  const plain = words.map((w) => w.word);
  for (let i = 0; i < plain.length; ) {
    const word = plain[i] ?? '';
    const candidates = matcher.byFirst.get(word);
    let found: WordPhrase | undefined = candidates?.find((p) => matchesAt(plain, i, p));
    if (!found) found = matcher.stems.find((p) => word.startsWith(p.words[0] ?? ''));
    if (!found) {
      i++;
      continue;
    }
    const span = plain.slice(i, i + found.words.length);
    const evidence = span.join(' ').replace(/ \?$/, '?');
    // A phrase that itself starts with a negator ("not working") carries its own polarity.
    if (!isNegatedAt(text, words[i]?.at ?? 0, evidence)) out.push({ evidence: `"${evidence}"`, strength: found.strength });
    i += found.words.length;
  }
  if (matcher.han.size === 0) return;
  for (const run of text.matchAll(/\p{Script=Han}+/gu)) {
    const s = run[0];
    for (let i = 0; i < s.length; ) {
      let len = Math.min(matcher.hanMax, s.length - i);
      for (; len >= 1; len--) if (matcher.han.has(s.slice(i, i + len))) break;
      if (len === 0) {
        i++;
        continue;
      }
      const piece = s.slice(i, i + len);
      if (!isNegatedAt(text, run.index + i, piece)) out.push({ evidence: `"${piece}"`, strength: matcher.han.get(piece) ?? 1 });
      i += len;
    }
  }
}

/** `builtIn: false` finds only the brand's own terms (the model already weighs the built-in ones). */
export function findComplaintEvidence(text: string, tokens: Token[], profileTerms: readonly string[] = [], { builtIn = true }: { builtIn?: boolean } = {}): ComplaintHit[] {
  const hits: ComplaintHit[] = [];
  for (const t of tokens) {
    if (builtIn && t.kind === 'hashtag' && COMPLAINT_HASHTAGS.has(t.value)) hits.push({ evidence: t.raw, strength: 1 });
  }
  // Mentions and links are not the customer's words ("@BrokenHearts", "/refund-policy").
  const body = normalizeText(text)
    .replace(/https?:\/\/\S+|www\.\S+/g, ' ')
    .replace(/[@#＃][\p{L}\p{N}_]+/gu, ' ')
    .toLowerCase();
  const words: WordAt[] = [];
  for (const m of body.matchAll(BODY_WORD_RE)) words.push({ word: m[0], at: m.index });
  if (builtIn) scan(body, words, BUILT_IN, hits);
  const own = matcherFor(profileTerms);
  if (own) scan(body, words, own, hits);
  return hits;
}
