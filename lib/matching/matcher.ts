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
import type { BrandMatch, BrandMatchSummary, BrandProfile, MatchKind } from '../schemas';
import { buildAutomaton, DENSE_CELL_LIMIT, type DenseTables } from './automaton';
import {
  classifyUnit,
  createBuffer,
  ensureCapacity,
  normaliseInto,
  normaliseSlow,
  originalEnd,
  SIMPLE,
  SIMPLE_NO,
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
  const { classes, outStart, outList } = dense;
  const accepted: Hit[] = [];
  const pool: Hit[] = [];
  return {
    patternCount: patterns.length,
    match(text: string): BrandMatch[] {
      if (patterns.length === 0 || text === '') return [];
      const found = fused(text);
      if (found.count === 0) return [];
      // Hit records and their list are pooled: they never outlive this call, so a post only
      // allocates the BrandMatch results it returns.
      accepted.length = 0;
      let used = 0;
      for (let k = 0; k < found.count; k++) {
        const state = found.rows[k]! / classes;
        const end = found.ends[k]!;
        for (let o = outStart[state]!, stop = outStart[state + 1]!; o < stop; o++) {
          const pattern = outList[o]!;
          const p = patterns[pattern]!;
          const start = end - p.text.length;
          if (!boundaryOk(p, buf.codes, buf.length, start, end)) continue;
          let h = pool[used];
          if (h === undefined) {
            h = { pattern, start, end };
            pool.push(h);
          } else {
            h.pattern = pattern;
            h.start = start;
            h.end = end;
          }
          used++;
          accepted.push(h);
        }
      }
      if (accepted.length === 0) return [];
      return toBrandMatches(resolveHits(accepted, patterns), patterns, buf.starts, buf.length);
    },
  };
}

interface StateHits {
  count: number;
  /** Automaton row (state * classes) and normalised end of each position where some pattern ended. */
  rows: Int32Array;
  ends: Int32Array;
}

/**
 * normaliseInto and the automaton in ONE loop: each unit is folded and stepped while it is in a
 * register, which is what makes the matcher several times faster than normalise-then-search.
 * Keep the folding here in step with normaliseInto (a property test compares them).
 */
function fusedScanner(tables: DenseTables, buf: NormBuffer): (text: string) => StateHits {
  const found: StateHits = { count: 0, rows: new Int32Array(64), ends: new Int32Array(64) };
  const record = (row: number, end: number) => {
    if (found.count === found.rows.length) {
      const rows = new Int32Array(found.count * 2);
      rows.set(found.rows);
      const ends = new Int32Array(found.count * 2);
      ends.set(found.ends);
      found.rows = rows;
      found.ends = ends;
    }
    found.rows[found.count] = row;
    found.ends[found.count++] = end;
  };
  return (text: string): StateHits => {
    const len = text.length;
    // Locals, not closure slots, in the hot loop.
    const rows = tables.rows;
    const classOf = tables.classOf;
    const simple = SIMPLE; // an imported binding costs a TDZ-checked load per use
    const space = SPACE;
    const simpleSpace = SIMPLE_SPACE;
    ensureCapacity(buf, len + 16);
    found.count = 0;
    let n = 0;
    let i = 0;
    let s = 0; // current row
    while (i < len) {
      // Fast loop as in normaliseInto, stepping the automaton on each unit as it is written.
      const codes = buf.codes;
      const starts = buf.starts;
      for (; i < len; i++) {
        const v = simple[text.charCodeAt(i)]!;
        let u = space;
        if (v > 0) u = v - 1;
        else if (v !== simpleSpace) break;
        else if (n > 0 && codes[n - 1] === space) continue;
        codes[n] = u;
        starts[n] = i;
        n++;
        const k = classOf[u]!;
        if (k === 0) {
          s = 0;
          continue;
        }
        const t = rows[s + k]!;
        if (t < 0) {
          s = -t;
          record(s, n);
        } else s = t;
      }
      if (i >= len) break;
      const c = text.charCodeAt(i);
      if (SIMPLE[c] === 0 && classifyUnit(c) !== SIMPLE_NO) continue;
      const lastBefore = n > 0 ? buf.codes[n - 1]! : -1;
      const from = n;
      n = normaliseSlow(text, i, buf, n);
      i += unitWidth(text, i, c);
      const out = buf.codes;
      if (from > 0 && out[from - 1] !== lastBefore) {
        // The previous unit was rewritten (и + ̆ → й): forget what it produced and step it again.
        while (found.count > 0 && found.ends[found.count - 1] === from) found.count--;
        // The automaton's state depends only on the last maxDepth units: replay them from the root.
        s = 0;
        for (let j = Math.max(0, from - 1 - tables.maxDepth); j < from - 1; j++) s = stepRow(rows, classOf, s, out[j]!, -1, ignore);
        s = stepRow(rows, classOf, s, out[from - 1]!, from, record);
      }
      for (let j = from; j < n; j++) {
        s = stepRow(rows, classOf, s, out[j]!, j + 1, record);
      }
    }
    buf.starts[n] = len;
    buf.length = n;
    return found;
  };
}

const ignore = (): void => {};

/** One automaton step outside the hot loop; records the row if a pattern ends at `end`. */
function stepRow(
  rows: Int32Array,
  classOf: Uint16Array,
  row: number,
  unit: number,
  end: number,
  record: (row: number, end: number) => void,
): number {
  const k = classOf[unit]!;
  if (k === 0) return 0;
  const t = rows[row + k]!;
  if (t >= 0) return t;
  record(-t, end);
  return -t;
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
