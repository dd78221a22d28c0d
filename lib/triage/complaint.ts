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

interface Matcher {
  re: RegExp;
  exact: Map<string, number>;
  stems: { re: RegExp; strength: number }[];
}

const HAN = /\p{Script=Han}/u;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function phraseSource(phrase: string): string {
  const lower = phrase.toLowerCase();
  if (HAN.test(lower)) return escape(lower);
  const stem = lower.endsWith('*');
  const body = escape(stem ? lower.slice(0, -1) : lower).replace(/ /g, '\\s+');
  const lastIsWordChar = /[\p{L}\p{N}]$/u.test(lower.replace(/\*$/, ''));
  return `(?<![\\p{L}\\p{N}])${body}${stem ? '\\p{L}*' : ''}${lastIsWordChar ? '(?![\\p{L}\\p{N}])' : ''}`;
}

function buildMatcher(phrases: readonly ComplaintPhrase[]): Matcher {
  // Longest first so "still not working" wins over "not working" at the same position.
  const sorted = [...phrases].sort((a, b) => b.phrase.length - a.phrase.length);
  const exact = new Map<string, number>();
  const stems: Matcher['stems'] = [];
  for (const { phrase, strength } of sorted) {
    const key = phrase.toLowerCase();
    if (key.endsWith('*')) stems.push({ re: new RegExp(`^${phraseSource(key)}$`, 'u'), strength });
    else exact.set(key, Math.max(strength, exact.get(key) ?? 0));
  }
  return { re: new RegExp(sorted.map((ph) => phraseSource(ph.phrase)).join('|'), 'gu'), exact, stems };
}

const builtIn = buildMatcher(COMPLAINT_PHRASES);
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

function scan(text: string, matcher: Matcher, out: ComplaintHit[]): void {
  matcher.re.lastIndex = 0;
  for (const m of text.matchAll(matcher.re)) {
    const found = m[0];
    const key = found.replace(/\s+/g, ' ');
    let strength = matcher.exact.get(key);
    if (strength === undefined) strength = matcher.stems.find((s) => s.re.test(key))?.strength;
    if (strength === undefined) continue;
    // A phrase that itself starts with a negator ("not working") carries its own polarity.
    if (isNegatedAt(text, m.index, found)) continue;
    out.push({ evidence: `"${key}"`, strength });
  }
}

export function findComplaintEvidence(text: string, tokens: Token[], profileTerms: readonly string[] = []): ComplaintHit[] {
  const hits: ComplaintHit[] = [];
  for (const t of tokens) {
    if (t.kind === 'hashtag' && COMPLAINT_HASHTAGS.has(t.value)) hits.push({ evidence: t.raw, strength: 1 });
  }
  // Mentions and links are not the customer's words ("@BrokenHearts", "/refund-policy").
  const body = normalizeText(text)
    .replace(/https?:\/\/\S+|www\.\S+/g, ' ')
    .replace(/[@#＃][\p{L}\p{N}_]+/gu, ' ')
    .toLowerCase();
  scan(body, builtIn, hits);
  const own = matcherFor(profileTerms);
  if (own) scan(body, own, hits);
  return hits;
}
