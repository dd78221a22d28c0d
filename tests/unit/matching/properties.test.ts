import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/matching/matcher';
import { compileNaiveMatcher } from '../../../lib/matching/naive';
import { normalise, normaliseTerm } from '../../../lib/matching/normalise';
import { acme, profile, sber } from './helpers';

const profiles = [acme, sber, profile('mix', { names: ['и', 'йо', 'a b', 'b'], products: ['米', 'が'], exclusions: ['b a'] })];
const matcher = compileMatcher(profiles);
const sparse = compileMatcher(profiles, { denseCellLimit: 0 });
const naive = compileNaiveMatcher(profiles);

// Text built from pieces of the configured terms and tricky neighbours, so matches are frequent.
const pieces = fc.constantFrom(
  'acme', 'Acme', 'ＡＣＭＥ', 'help', ' ', '  ', '@', '＠', '#', 'acmehelp', 'of perfection', 'Сбербанк', 'сбер', 'и', '\u0306',
  'й', 'о', '小米', '米', 'か', '\u3099', 'が', '🔥', 'é', '\u0301', '\u200b', 'a', 'b', '-', "'", 'x.com/', '_', '中国', '\u00a0',
);
const builtText = fc.array(pieces, { maxLength: 25 }).map((parts) => parts.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 300 });
// Whitespace runs of every kind inside multi-word terms: the fused scanner collapses them
// without a branch, unlike normaliseInto.
const spacedText = fc
  .array(
    fc.constantFrom('acme', 'help', 'a', 'b', 'of', 'perfection', ' ', '  ', '   ', '\t', '\n', '\u00a0', '\u3000', '\u2028', '\u200b', 'и', '\u0306', '¨'),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));
// Longer than the matcher's first buffer, and expansions (ﷺ is 18 units) that outgrow it mid-post.
const longText = fc
  .array(fc.oneof(pieces, fc.constantFrom('ﷺ', 'ß', 'x'.repeat(300), ' '.repeat(100))), { minLength: 10, maxLength: 60 })
  .map((parts) => parts.join(''));

describe('matcher properties', () => {
  it('never throws on arbitrary unicode and reports ranges inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, builtText), (text) => {
        for (const m of matcher.match(text)) {
          expect(0 <= m.start && m.start < m.end && m.end <= text.length).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('every match highlights text that normalises to the configured term', () => {
    fc.assert(
      fc.property(builtText, (text) => {
        for (const m of matcher.match(text)) {
          const slice = normalise(text.slice(m.start, m.end)).text.trim();
          const term = normaliseTerm(m.term).replace(/^[@#]+/, '');
          // Handles/hashtags carry their prefix or profile-link host in the slice.
          expect(slice.endsWith(term)).toBe(true);
          if (m.kind !== 'handle' && m.kind !== 'hashtag') expect(slice).toBe(term);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reports matches in text order, not overlapping within a brand', () => {
    fc.assert(
      fc.property(builtText, (text) => {
        const ms = matcher.match(text);
        for (let i = 1; i < ms.length; i++) {
          const a = ms[i - 1]!;
          const b = ms[i]!;
          expect(a.start <= b.start).toBe(true);
          if (a.brandId === b.brandId) expect(a.end <= b.start).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['whitespace runs', spacedText, 1000],
    ['long posts', longText, 100],
  ])('agrees with the naive per-term matcher on %s', (_, texts, numRuns) => {
    fc.assert(
      fc.property(texts, (text) => {
        const expected = naive.match(text);
        expect(matcher.match(text)).toEqual(expected);
        expect(sparse.match(text)).toEqual(expected);
      }),
      { numRuns },
    );
  });

  it('agrees with the naive per-term matcher and with the sparse automaton', () => {
    fc.assert(
      fc.property(fc.oneof(builtText, anyText), (text) => {
        const expected = naive.match(text);
        expect(matcher.match(text)).toEqual(expected);
        expect(sparse.match(text)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the page prefilter (text whose parts ran together)', () => {
  const prefilter = compileMatcher(profiles, { prefilter: true });
  // What sits right before a post's text in its textContent on X and Facebook: a time, a handle,
  // a display name, nothing.
  const glue = fc.constantFrom('', '·5h', 'Aug 24', '@bob', 'Jane Doe', 'Replying to @bob', '1,234', 'Сбер', '米', 'x');

  it('finds whatever the exact matcher finds, whatever runs into it on either side', () => {
    fc.assert(
      fc.property(glue, builtText, glue, (before, text, after) => {
        if (matcher.match(text).length > 0) expect(prefilter.match(before + text + after).length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['a name right after the time', '·5hAcme lost my order'],
    ['a handle right after the time', 'Aug 24@AcmeHelp where is it'],
    ['a "Replying to" handle run into the text', 'Replying to @AcmeHelpstill waiting'],
    ['an excluded phrase (exclusions only ever remove mentions)', 'that was the acme of perfection'],
  ])('%s passes', (_label, text) => {
    expect(prefilter.match(text).length).toBeGreaterThan(0);
  });
});
