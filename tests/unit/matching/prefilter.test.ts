import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/matching/matcher';
import { compilePrefilter } from '../../../lib/matching/prefilter';
import { normaliseTerm } from '../../../lib/matching/normalise';
import { acme, profile, sber } from './helpers';

const terms = (...raw: string[]) => raw.map(normaliseTerm);

describe('compilePrefilter', () => {
  it.each([
    ['ASCII text without any term', ['acme'], 'Lovely weather in the park (12)', false],
    ['a term in another case', ['acme'], 'Thanks ACME, it works', true],
    ['a term glued to a word (boundaries are the matcher’s job)', ['acme'], 'acmeville', true],
    ['a multi-word term across a whitespace run', terms('acme help'), 'Acme\t\n  Help please', true],
    ['a multi-word term with other words between', terms('acme help'), 'acme, please help', false],
    ['a handle', terms('@acme'), 'hey @Acme!', true],
    ['a profile link', ['x.com/acme'], 'see X.com/acme/status/1', true],
    ['full-width letters (not ASCII, not inert)', ['acme'], 'ＡＣＭＥ', true],
    ['a combining accent inside the term', ['acme'], 'ac\u0301me', true],
    ['an emoji (surrogates are never inert)', ['acme'], 'great day 🔥', true],
    ['no terms at all, ASCII text', [], 'anything', false],
    ['only a Chinese term, Chinese text holding it', ['小米'], '我买的小米手机', true],
    ['a Cyrillic term in Cyrillic text', terms('Сбербанк'), 'СБЕРБАНК не работает', true],
  ])('%s', (_, patterns, text, expected) => {
    expect(compilePrefilter(patterns).mayMatch(text)).toBe(expected);
  });

  it('learns inert units as it goes, and rules out text made of them', () => {
    const filter = compilePrefilter(['acme']);
    const cyrillic = 'Моя кошка опять спит на клавиатуре';
    for (let i = 0; i < 3; i++) expect(filter.mayMatch(cyrillic)).toBe(false);
    const xLine = 'Customer 1@customer_1·1h Моя кошка';
    for (let i = 0; i < 10; i++) expect(filter.mayMatch(xLine)).toBe(false);
    expect(filter.mayMatch(`${xLine} @ACME`)).toBe(true);
    // A unit that folds into a term's letter is never learnt as inert.
    const sberFilter = compilePrefilter(terms('сбер'));
    for (let i = 0; i < 3; i++) expect(sberFilter.mayMatch('Мой СБЕР')).toBe(true);
    // Nor is a unit that needs the slow path (a combining mark), whatever else the text holds.
    for (let i = 0; i < 3; i++) expect(filter.mayMatch('кошка ac\u0301me')).toBe(true);
  });

  it('never learns whitespace outside ASCII: a term may span it', () => {
    const filter = compilePrefilter(terms('acme help'));
    for (let i = 0; i < 3; i++) expect(filter.mayMatch('acme\u00a0help')).toBe(true);
  });
});

describe('the matcher with and without its prefilter', () => {
  const profiles = [acme, sber, profile('mix', { names: ['и', 'йо', 'a b'], products: ['米'], exclusions: ['b a'] })];
  // Pieces the prefilter rules out once learnt (ASCII, ·, Cyrillic and Han outside the terms),
  // pieces of the terms, and units that must always reach the matcher.
  const pieces = fc.constantFrom(
    'acme', 'ACME', 'Acme', 'help', 'acmehelp', '@', '#', 'x.com/', ' ', '\t', '\n', '\u00a0', '\u3000', '·', 'Моя', 'кошка', 'Сбербанк',
    'сбер', 'и', '\u0306', 'й', 'о', '今天', '米', '小米', '中国', 'ａｃｍｅ', 'é', '\u0301', '\u200b', '🔥', 'a', 'b', '-', '_', '(12)', 'ß',
  );
  const text = fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join(''));

  it('finds exactly the same mentions, while the prefilter keeps learning across posts', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 40 }), (posts) => {
        // Fresh matchers per run: what one learns must never change an answer.
        const filtered = compileMatcher(profiles);
        const plain = compileMatcher(profiles, { prefilter: false });
        for (const post of [...posts, ...posts]) expect(filtered.match(post)).toEqual(plain.match(post));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on arbitrary unicode', () => {
    const filtered = compileMatcher(profiles);
    const plain = compileMatcher(profiles, { prefilter: false });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (post) => {
        expect(filtered.match(post)).toEqual(plain.match(post));
        expect(filtered.match(post)).toEqual(plain.match(post));
      }),
      { numRuns: 1000 },
    );
  });
});
