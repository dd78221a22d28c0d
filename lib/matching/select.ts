/**
 * From raw pattern hits to the mentions we report: boundary rules, exclusions, and
 * leftmost-longest selection per brand. Shared by the automaton and the naive reference.
 */
import { edgeOk } from './charClass';
import { kindRank, type Pattern } from './terms';

/** A pattern occurrence in NORMALISED text, [start, end). */
export interface Hit {
  pattern: number;
  start: number;
  end: number;
}

export function boundaryOk(p: Pattern, codes: Uint16Array, length: number, start: number, end: number): boolean {
  const before = start > 0 ? codes[start - 1]! : -1;
  const after = end < length ? codes[end]! : -1;
  return edgeOk(p.left, before, true) && edgeOk(p.right, after, false);
}

/** Order for selection: brand, then leftmost, then longest, then the better list. */
function before(a: Hit, b: Hit, patterns: readonly Pattern[]): boolean {
  const pa = patterns[a.pattern]!;
  const pb = patterns[b.pattern]!;
  if (pa.brandIndex !== pb.brandIndex) return pa.brandIndex < pb.brandIndex;
  if (a.start !== b.start) return a.start < b.start;
  if (a.end !== b.end) return a.end > b.end;
  const ka = kindRank(pa.kind);
  const kb = kindRank(pb.kind);
  if (ka !== kb) return ka < kb;
  return a.pattern < b.pattern;
}

/** Insertion sort: hit lists are short and nearly sorted, and no closure is allocated per post. */
function sortHits(hits: Hit[], patterns: readonly Pattern[], textOrder: boolean): void {
  for (let i = 1; i < hits.length; i++) {
    const h = hits[i]!;
    let j = i - 1;
    while (j >= 0 && (textOrder ? textBefore(h, hits[j]!, patterns) : before(h, hits[j]!, patterns))) {
      hits[j + 1] = hits[j]!;
      j--;
    }
    hits[j + 1] = h;
  }
}

function textBefore(a: Hit, b: Hit, patterns: readonly Pattern[]): boolean {
  if (a.start !== b.start) return a.start < b.start;
  return patterns[a.pattern]!.brandIndex < patterns[b.pattern]!.brandIndex;
}

function excluded(m: Hit, exclusions: readonly Hit[], patterns: readonly Pattern[]): boolean {
  const brand = patterns[m.pattern]!.brandIndex;
  for (const x of exclusions) {
    if (patterns[x.pattern]!.brandIndex === brand && x.start <= m.start && m.end <= x.end) return true;
  }
  return false;
}

/**
 * Keeps the mentions to report. An exclusion ("acme of perfection") suppresses only the mentions
 * of its own brand that it fully covers. Per brand, overlapping mentions resolve to the leftmost,
 * then longest ("acme help" over "acme"; "@acme" over the name "acme" inside it), so nothing is
 * counted twice; two brands that both configured the same words each get their mention.
 * Returns the kept hits in text order. May reorder `hits`.
 */
export function resolveHits(hits: Hit[], patterns: readonly Pattern[]): Hit[] {
  let exclusions: Hit[] | undefined;
  for (const h of hits) if (patterns[h.pattern]!.kind === 'exclusion') (exclusions ??= []).push(h);
  let kept = hits;
  if (exclusions) {
    kept = [];
    for (const m of hits) {
      if (patterns[m.pattern]!.kind !== 'exclusion' && !excluded(m, exclusions, patterns)) kept.push(m);
    }
  }
  if (kept.length <= 1) return kept;
  sortHits(kept, patterns, false);
  const chosen: Hit[] = [];
  let brand = -1;
  let reach = 0;
  for (const h of kept) {
    const b = patterns[h.pattern]!.brandIndex;
    if (b !== brand) {
      brand = b;
      reach = 0;
    }
    if (h.start < reach) continue;
    chosen.push(h);
    reach = h.end;
  }
  sortHits(chosen, patterns, true);
  return chosen;
}
