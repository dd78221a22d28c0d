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

/**
 * Keeps the mentions to report. An exclusion ("acme of perfection") suppresses only the mentions
 * of its own brand that it fully covers. Per brand, overlapping mentions resolve to the leftmost,
 * then longest ("acme help" over "acme"), so nothing is counted twice; two brands that both
 * configured the same words each get their mention.
 */
export function resolveHits(hits: readonly Hit[], patterns: readonly Pattern[]): Hit[] {
  const exclusions: Hit[] = [];
  const mentions: Hit[] = [];
  for (const h of hits) (patterns[h.pattern]!.kind === 'exclusion' ? exclusions : mentions).push(h);
  const kept = exclusions.length === 0 ? mentions : mentions.filter((m) => {
    const brand = patterns[m.pattern]!.brandIndex;
    return !exclusions.some((x) => patterns[x.pattern]!.brandIndex === brand && x.start <= m.start && m.end <= x.end);
  });
  if (kept.length <= 1) return kept;
  const brandOf = (h: Hit) => patterns[h.pattern]!.brandIndex;
  kept.sort(
    (a, b) =>
      brandOf(a) - brandOf(b) ||
      a.start - b.start ||
      b.end - a.end ||
      kindRank(patterns[a.pattern]!.kind) - kindRank(patterns[b.pattern]!.kind) ||
      a.pattern - b.pattern,
  );
  const chosen: Hit[] = [];
  let brand = -1;
  let reach = 0;
  for (const h of kept) {
    const b = brandOf(h);
    if (b !== brand) {
      brand = b;
      reach = 0;
    }
    if (h.start < reach) continue;
    chosen.push(h);
    reach = h.end;
  }
  chosen.sort((a, b) => a.start - b.start || brandOf(a) - brandOf(b));
  return chosen;
}
