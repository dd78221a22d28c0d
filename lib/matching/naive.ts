/**
 * The obvious matcher: normalise the post, then indexOf every pattern in turn. Same rules and
 * results as compileMatcher (tests compare the two on random input); it exists as the oracle
 * for those tests and the baseline for tests/bench/matcher.ts. Do not use it in the product.
 */
import type { BrandMatch } from '../schemas/posts';
import type { BrandProfile } from '../schemas/settings';
import { toBrandMatches, type Matcher } from './matcher';
import { createBuffer, normaliseInto } from './normalise';
import { boundaryOk, resolveHits, type Hit } from './select';
import { compilePatterns } from './terms';

export function compileNaiveMatcher(profiles: readonly BrandProfile[]): Matcher {
  const patterns = compilePatterns(profiles);
  const buf = createBuffer();
  return {
    patternCount: patterns.length,
    match(text: string): BrandMatch[] {
      normaliseInto(text, buf);
      let normalised = '';
      for (let j = 0; j < buf.length; j++) normalised += String.fromCharCode(buf.codes[j]!);
      const hits: Hit[] = [];
      patterns.forEach((p, pattern) => {
        for (let at = normalised.indexOf(p.text); at !== -1; at = normalised.indexOf(p.text, at + 1)) {
          const end = at + p.text.length;
          if (boundaryOk(p, buf.codes, buf.length, at, end)) hits.push({ pattern, start: at, end });
        }
      });
      return toBrandMatches(resolveHits(hits, patterns), patterns, buf.starts, buf.length);
    },
  };
}
