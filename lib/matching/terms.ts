/**
 * Turns brand profiles into the flat list of normalised patterns both the automaton and the
 * naive reference matcher search for, each with its boundary rules.
 */
import type { BrandTerms, MatchKind } from '../schemas/posts';
import { Edge, termEdge } from './charClass';
import { normaliseTerm } from './normalise';

export type PatternKind = MatchKind | 'exclusion';

export interface Pattern {
  brandIndex: number;
  brandId: string;
  /** As configured, for display and for BrandMatch.term. */
  term: string;
  kind: PatternKind;
  /** Normalised text searched for. */
  text: string;
  left: Edge;
  right: Edge;
}

/** Lower wins when two lists of one brand normalise to the same pattern. */
const KIND_RANK: Record<PatternKind, number> = {
  exclusion: 0,
  handle: 1,
  hashtag: 2,
  name: 3,
  product: 4,
  misspelling: 5,
};

export function kindRank(kind: PatternKind): number {
  return KIND_RANK[kind];
}

const stripPrefix = (s: string, prefix: string): string => {
  let out = s;
  while (out.startsWith(prefix)) out = out.slice(1);
  return out.trim();
};

// Links to a brand's profile or its posts count as handle mentions: x.com/acme, twitter.com/acme/status/1.
const PROFILE_HOSTS = ['x.com/', 'twitter.com/'];

function plain(brandIndex: number, brandId: string, term: string, kind: PatternKind, text: string): Pattern | undefined {
  if (text === '') return undefined;
  return { brandIndex, brandId, term, kind, text, left: termEdge(text.charCodeAt(0)), right: termEdge(text.charCodeAt(text.length - 1)) };
}

function patternsOf(profile: BrandTerms, brandIndex: number): Pattern[] {
  const id = profile.id;
  const out: (Pattern | undefined)[] = [];
  for (const term of profile.handles) {
    const handle = stripPrefix(normaliseTerm(term), '@');
    if (handle === '') continue;
    out.push({ brandIndex, brandId: id, term, kind: 'handle', text: `@${handle}`, left: Edge.Handle, right: Edge.Handle });
    for (const host of PROFILE_HOSTS) {
      out.push({ brandIndex, brandId: id, term, kind: 'handle', text: host + handle, left: Edge.Word, right: Edge.Handle });
    }
  }
  for (const term of profile.hashtags) {
    const tag = stripPrefix(normaliseTerm(term), '#');
    if (tag === '') continue;
    out.push({ brandIndex, brandId: id, term, kind: 'hashtag', text: `#${tag}`, left: Edge.Tag, right: Edge.Tag });
  }
  const lists: [readonly string[], PatternKind][] = [
    [profile.names, 'name'],
    [profile.products, 'product'],
    [profile.misspellings, 'misspelling'],
    [profile.exclusions, 'exclusion'],
  ];
  for (const [terms, kind] of lists) {
    for (const term of terms) out.push(plain(brandIndex, id, term, kind, normaliseTerm(term)));
  }
  return out.filter((p): p is Pattern => p !== undefined);
}

/** All patterns of all profiles; one per (brand, normalised text, kind family), best kind kept. */
export function compilePatterns(profiles: readonly BrandTerms[]): Pattern[] {
  const byKey = new Map<string, Pattern>();
  profiles.forEach((profile, brandIndex) => {
    for (const p of patternsOf(profile, brandIndex)) {
      // Exclusions live in their own key space: an exclusion never replaces a mention pattern.
      const key = `${brandIndex}\u0000${p.kind === 'exclusion' ? 'x' : 'm'}\u0000${p.text}`;
      const seen = byKey.get(key);
      if (!seen || kindRank(p.kind) < kindRank(seen.kind)) byKey.set(key, p);
    }
  });
  return [...byKey.values()];
}
