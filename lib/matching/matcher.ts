/**
 * Brand-mention matcher: compiles every term of every brand profile into one Aho-Corasick
 * automaton, so a post is normalised once and scanned once however many terms there are.
 *
 * Rules (see tests/unit/matching for the table):
 * - Latin/Cyrillic/Greek terms match whole words: `acme` not in `acmeville`/`acme2`/`acme_x`;
 *   `Acme's`, `Acme,`, `ACME!`, `Acme-branded` and `pre-Acme` do match (a hyphen is a boundary:
 *   "Acme-branded" is a mention of Acme). Declensions (`Сбербанка`) only match if configured.
 * - Han/Kana/Thai… terms match as substrings (`小米` in `我买的小米手机坏了`), and those scripts
 *   count as a boundary for Latin terms (`Acme中国` mentions `acme`).
 * - Handles match only as `@handle` with the whole handle (`@acmehelp` is not `@acme`,
 *   `bob@acme.com` is an e-mail, not a handle mention; its `acme` still counts if `acme` is a
 *   name) or as a profile link `x.com/acme`, `twitter.com/acme/status/…`. A bare `acme` only
 *   counts if it is also a name. Handle chars are [a-z0-9_] after folding (full-width ok).
 * - Any whitespace run equals one space, so a term `acme help` matches `Acme\n  help`.
 * - Hashtags match the whole tag: `#acme` not in `#acmedeals` or `#acme中国`.
 * - An exclusion suppresses the mentions of its brand that it covers, not the whole post.
 * - Per brand, overlapping mentions resolve to leftmost-longest (`acme help` over `acme`).
 */
import type { BrandMatch, BrandMatchSummary, BrandTerms, MatchKind } from '../schemas/posts';
import { buildAutomaton, DENSE_CELL_LIMIT } from './automaton';
import { Edge } from './charClass';
import { fusedScanner } from './fused';
import { asciiDecide } from './asciiReject';
import { createBuffer, normaliseInto, originalEnd, SPACE } from './normalise';
import { boundaryOk, resolveHits, type Hit } from './select';
import { compilePatterns, type Pattern } from './terms';

export interface Matcher {
  match(text: string): BrandMatch[];
  /**
   * `match(text).length > 0`, without resolving overlaps into records: the page asks this of every
   * post. Present on compiled matchers.
   */
  test?(text: string): boolean;
  /** Number of searched patterns (terms, plus profile-link forms of handles). */
  readonly patternCount: number;
}

export interface MatcherOptions {
  /** Testing hook: force the sparse automaton by setting this to 0. */
  denseCellLimit?: number;
  /**
   * A superset test for text whose pieces ran together: a whole post's `textContent` on X or
   * Facebook has no space between the author line, the time and the text ("·5hAcme lost it",
   * "@bob@AcmeHelp where…"), so word and handle boundaries there mean nothing. Every term then
   * matches anywhere, and exclusions are dropped (they only ever remove mentions). What passes is
   * extracted and decided by the exact matcher.
   */
  prefilter?: boolean;
}

/** Converts resolved hits (normalised offsets) into BrandMatch records (original offsets). */
export function toBrandMatches(
  chosen: readonly Hit[],
  patterns: readonly Pattern[],
  starts: Int32Array,
  length: number,
): BrandMatch[] {
  const out: BrandMatch[] = [];
  for (const h of chosen) {
    const p = patterns[h.pattern]!;
    const start = starts[h.start]!;
    const end = originalEnd(starts, length, h.end);
    // Exclusions never survive resolveHits, so the kind is a MatchKind here.
    const kind: MatchKind = p.kind === 'exclusion' ? 'name' : p.kind;
    out.push({ brandId: p.brandId, term: p.term, kind, start, end });
  }
  return out;
}

export function compileMatcher(profiles: readonly BrandTerms[], options: MatcherOptions = {}): Matcher {
  const patterns = options.prefilter
    ? compilePatterns(profiles.map((p) => ({ ...p, exclusions: [] }))).map((p) => ({ ...p, left: Edge.None, right: Edge.None }))
    : compilePatterns(profiles);
  const automaton = buildAutomaton(
    patterns.map((p) => p.text),
    // Whitespace runs are one space in normalised text: the fused scanner relies on it (see fused.ts).
    { denseCellLimit: options.denseCellLimit ?? DENSE_CELL_LIMIT, collapsing: SPACE },
  );
  // One buffer per matcher, reused: matching is synchronous, so no call can see another's data.
  const buf = createBuffer();
  // The page's test runs on every post: most name no brand, and for ASCII text one native RegExp says so.
  const decide = options.prefilter ? asciiDecide(patterns.map((p) => p.text)) : undefined;
  const reject = decide && ((text: string) => decide(text) === false);
  let hits: Hit[] = [];
  const onHit = (pattern: number, end: number) => {
    const p = patterns[pattern]!;
    const start = end - p.text.length;
    if (boundaryOk(p, buf.codes, buf.length, start, end)) hits.push({ pattern, start, end });
  };
  const finish = (): BrandMatch[] =>
    hits.length === 0 ? [] : toBrandMatches(resolveHits(hits, patterns), patterns, buf.starts, buf.length);
  const dense = automaton.dense;
  if (!dense) {
    const match = (text: string): BrandMatch[] => {
      if (patterns.length === 0 || text === '' || reject?.(text)) return [];
      normaliseInto(text, buf);
      hits = [];
      automaton.scan(buf.codes, buf.length, onHit);
      return finish();
    };
    return { patternCount: patterns.length, match, test: (text) => match(text).length > 0 };
  }
  const fused = fusedScanner(dense, buf);
  const { classes, outStart, outList } = dense;
  // Hit records are pooled: they never outlive a call. Their list is not (emptying an array
  // with `length = 0` is a runtime call, dearer than a fresh small array).
  const pool: Hit[] = [];
  /** Without exclusions (the page's prefilter) any accepted hit survives resolution. */
  const test = (text: string): boolean => {
    if (patterns.length === 0 || text === '') return false;
    const decided = decide?.(text);
    if (decided !== undefined) return decided;
    const found = fused(text);
    for (let k = 0; k < found.count; k++) {
      const state = found.rows[k]! / classes;
      const end = found.ends[k]!;
      for (let o = outStart[state]!, stop = outStart[state + 1]!; o < stop; o++) {
        const p = patterns[outList[o]!]!;
        if (boundaryOk(p, buf.codes, buf.length, end - p.text.length, end)) return true;
      }
    }
    return false;
  };
  const match = (text: string): BrandMatch[] => {
    if (patterns.length === 0 || text === '' || reject?.(text)) return [];
    const found = fused(text);
    if (found.count === 0) return [];
    const accepted: Hit[] = [];
    for (let k = 0; k < found.count; k++) {
      const state = found.rows[k]! / classes;
      const end = found.ends[k]!;
      for (let o = outStart[state]!, stop = outStart[state + 1]!; o < stop; o++) {
        const pattern = outList[o]!;
        const p = patterns[pattern]!;
        const start = end - p.text.length;
        if (!boundaryOk(p, buf.codes, buf.length, start, end)) continue;
        let h = pool[accepted.length];
        if (h === undefined) {
          h = { pattern, start, end };
          pool.push(h);
        } else {
          h.pattern = pattern;
          h.start = start;
          h.end = end;
        }
        accepted.push(h);
      }
    }
    if (accepted.length === 0) return [];
    return toBrandMatches(resolveHits(accepted, patterns), patterns, buf.starts, buf.length);
  };
  return { patternCount: patterns.length, match, test: options.prefilter ? test : (text) => match(text).length > 0 };
}

const handleKey = (handle: string): string =>
  handle.normalize('NFKC').trim().replace(/^@+/, '').toLowerCase();
/** A handle `handleKey` leaves as it is: lower-case ASCII letters, digits, `_`, `.` and `-`. */
const OWN_KEY = /^[a-z0-9_.-]+$/;

/** Whether a post's author is one of the brand's own (brand or support) handles. */
export function isBrandAuthor(profile: Pick<BrandTerms, 'handles'>, handle: string): boolean {
  const key = handleKey(handle);
  if (key === '') return false;
  return profile.handles.some((h) => handleKey(h) === key);
}

/** Whether a handle is any brand's own (brand or support) handle: one set lookup per question. */
export function brandHandleTest(profiles: readonly Pick<BrandTerms, 'handles'>[]): (handle: string) => boolean {
  const keys = new Set(profiles.flatMap((p) => p.handles.map(handleKey)).filter((k) => k !== ''));
  // Asked of the thread owner of nearly every post on a Facebook page; most are plain vanity names,
  // their own key, and NFKC normalisation was most of the question's cost.
  return (handle) => keys.size > 0 && keys.has(OWN_KEY.test(handle) ? handle : handleKey(handle));
}

/** Per brand, in order of first mention: the distinct configured terms matched and the mention count. */
export function summarise(matches: readonly BrandMatch[]): BrandMatchSummary[] {
  const byBrand = new Map<string, { terms: Set<string>; count: number }>();
  for (const m of matches) {
    let entry = byBrand.get(m.brandId);
    if (!entry) {
      entry = { terms: new Set(), count: 0 };
      byBrand.set(m.brandId, entry);
    }
    entry.terms.add(m.term);
    entry.count++;
  }
  return [...byBrand].map(([brandId, { terms, count }]) => ({ brandId, terms: [...terms], count }));
}
