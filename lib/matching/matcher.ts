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
 *   `bob@acme.com` is an e-mail, not a mention) or as a profile link `x.com/acme`,
 *   `twitter.com/acme/status/…`. A bare `acme` only counts if it is also a name.
 * - Hashtags match the whole tag: `#acme` not in `#acmedeals` or `#acme中国`.
 * - An exclusion suppresses the mentions of its brand that it covers, not the whole post.
 * - Per brand, overlapping mentions resolve to leftmost-longest (`acme help` over `acme`).
 */
import type { BrandMatch, BrandMatchSummary, BrandProfile, MatchKind } from '../schemas';
import { buildAutomaton, DENSE_CELL_LIMIT, type DenseTables } from './automaton';
import {
  classifyUnit,
  createBuffer,
  ensureCapacity,
  normaliseInto,
  normaliseSlow,
  originalRange,
  SIMPLE,
  SIMPLE_SPACE,
  unitWidth,
  type NormBuffer,
} from './normalise';

const SPACE = 32;
import { boundaryOk, resolveHits, type Hit } from './select';
import { compilePatterns, type Pattern } from './terms';

export interface Matcher {
  match(text: string): BrandMatch[];
  /** Number of searched patterns (terms, plus profile-link forms of handles). */
  readonly patternCount: number;
}

export interface MatcherOptions {
  /** Testing hook: force the sparse automaton by setting this to 0. */
  denseCellLimit?: number;
}

/** Converts resolved hits (normalised offsets) into BrandMatch records (original offsets). */
export function toBrandMatches(
  chosen: readonly Hit[],
  patterns: readonly Pattern[],
  starts: Int32Array,
  length: number,
): BrandMatch[] {
  return chosen.map((h) => {
    const p = patterns[h.pattern]!;
    const [start, end] = originalRange(starts, length, h.start, h.end);
    // Exclusions never survive resolveHits, so the kind is a MatchKind here.
    const kind: MatchKind = p.kind === 'exclusion' ? 'name' : p.kind;
    return { brandId: p.brandId, term: p.term, kind, start, end };
  });
}

export function compileMatcher(profiles: readonly BrandProfile[], options: MatcherOptions = {}): Matcher {
  const patterns = compilePatterns(profiles);
  const automaton = buildAutomaton(
    patterns.map((p) => p.text),
    options.denseCellLimit ?? DENSE_CELL_LIMIT,
  );
  // One buffer per matcher, reused: matching is synchronous, so no call can see another's data.
  const buf = createBuffer();
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
    return {
      patternCount: patterns.length,
      match(text: string): BrandMatch[] {
        if (patterns.length === 0 || text === '') return [];
        normaliseInto(text, buf);
        hits = [];
        automaton.scan(buf.codes, buf.length, onHit);
        return finish();
      },
    };
  }
  const fused = fusedScanner(dense, buf);
  return {
    patternCount: patterns.length,
    match(text: string): BrandMatch[] {
      if (patterns.length === 0 || text === '') return [];
      const found = fused(text);
      hits = [];
      for (let k = 0; k < found.count; k++) automaton.emit(found.states[k]!, found.ends[k]!, onHit);
      return finish();
    },
  };
}

interface StateHits {
  count: number;
  /** Automaton state and normalised end offset of each position where some pattern ended. */
  states: Int32Array;
  ends: Int32Array;
}

/**
 * normaliseInto and the automaton in ONE loop: each unit is folded and stepped while it is in a
 * register, which is what makes the matcher several times faster than normalise-then-search.
 * Keep the folding here in step with normaliseInto (a property test compares them).
 */
function fusedScanner(tables: DenseTables, buf: NormBuffer): (text: string) => StateHits {
  const { classOf, classes, delta, hasOut } = tables;
  const found: StateHits = { count: 0, states: new Int32Array(64), ends: new Int32Array(64) };
  const record = (state: number, end: number) => {
    if (found.count === found.states.length) {
      const states = new Int32Array(found.count * 2);
      states.set(found.states);
      const ends = new Int32Array(found.count * 2);
      ends.set(found.ends);
      found.states = states;
      found.ends = ends;
    }
    found.states[found.count] = state;
    found.ends[found.count++] = end;
  };
  return (text: string): StateHits => {
    const len = text.length;
    ensureCapacity(buf, len + 16);
    let codes = buf.codes;
    let starts = buf.starts;
    found.count = 0;
    let n = 0;
    let i = 0;
    let s = 0;
    let before = 0; // state before the last unit, to redo it if a combining mark rewrites it
    while (i < len) {
      const c = text.charCodeAt(i);
      let v = SIMPLE[c]!;
      if (v === 0) v = classifyUnit(c);
      if (v > 0 || (v === SIMPLE_SPACE && (n === 0 || codes[n - 1] !== SPACE))) {
        const u = v > 0 ? v - 1 : SPACE;
        codes[n] = u;
        starts[n++] = i++;
        const k = classOf[u]!;
        before = s;
        s = k === 0 ? 0 : delta[s * classes + k]!;
        if (hasOut[s] !== 0) record(s, n);
        continue;
      }
      if (v === SIMPLE_SPACE) {
        i++;
        continue;
      }
      const lastBefore = n > 0 ? codes[n - 1]! : -1;
      const from = n;
      n = normaliseSlow(text, i, buf, n);
      codes = buf.codes;
      starts = buf.starts;
      i += unitWidth(text, i, c);
      if (from > 0 && codes[from - 1] !== lastBefore) {
        // The previous unit was rewritten (и + ̆ → й): forget what it produced and step it again.
        while (found.count > 0 && found.ends[found.count - 1] === from) found.count--;
        s = before;
        const k = classOf[codes[from - 1]!]!;
        s = k === 0 ? 0 : delta[s * classes + k]!;
        if (hasOut[s] !== 0) record(s, from);
      }
      for (let j = from; j < n; j++) {
        const k = classOf[codes[j]!]!;
        before = s;
        s = k === 0 ? 0 : delta[s * classes + k]!;
        if (hasOut[s] !== 0) record(s, j + 1);
      }
    }
    starts[n] = len;
    buf.length = n;
    return found;
  };
}

const handleKey = (handle: string): string =>
  handle.normalize('NFKC').trim().replace(/^@+/, '').toLowerCase();

/** Whether a post's author is one of the brand's own (brand or support) handles. */
export function isBrandAuthor(profile: Pick<BrandProfile, 'handles'>, handle: string): boolean {
  const key = handleKey(handle);
  if (key === '') return false;
  return profile.handles.some((h) => handleKey(h) === key);
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
