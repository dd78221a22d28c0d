import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brandHandleTest, compileMatcher, isBrandAuthor, summarise } from '../../../lib/matching/matcher';
import { compileNaiveMatcher } from '../../../lib/matching/naive';
import { BrandMatchSchema, type BrandMatch } from '../../../lib/schemas/posts';
import { acme, profile, sber } from './helpers';

const matcher = compileMatcher([acme, sber]);
const sparse = compileMatcher([acme, sber], { denseCellLimit: 0 });

/** [original slice, kind, configured term] for each match, in text order. */
const found = (text: string, m = matcher) =>
  m.match(text).map((x: BrandMatch) => [text.slice(x.start, x.end), x.kind, x.term]);

describe('compileMatcher: words, scripts and prefixes', () => {
  it.each([
    // text, expected [slice, kind, term][]
    ['I love Acme', [['Acme', 'name', 'Acme']]],
    ["Acme's support is slow", [['Acme', 'name', 'Acme']]],
    ['ACME! again, acme,', [['ACME', 'name', 'Acme'], ['acme', 'name', 'Acme']]],
    ['welcome to acmeville', []],
    ['acme2 and acme_x are other words', []],
    ['Acme-branded kettle; pre-Acme days', [['Acme', 'name', 'Acme'], ['Acme', 'name', 'Acme']]],
    ['ＡＣＭＥ broke', [['ＡＣＭＥ', 'name', 'Acme']]],
    ['Ácmé rocks', [['Ácmé', 'name', 'Acme']]],
    ['🔥acme🔥', [['acme', 'name', 'Acme']]],
    ['ac\u200bme hides', [['ac\u200bme', 'name', 'Acme']]],
    ['acmee is a typo', [['acmee', 'misspelling', 'acmee']]],
    ['the roadrunner   TRAP failed', [['roadrunner   TRAP', 'product', 'RoadRunner Trap']]],
    ['<img src=x onerror=alert(1)> acme', [['acme', 'name', 'Acme']]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['@acme where is my order', [['@acme', 'handle', 'acme']]],
    ['＠ＡｃｍｅＨｅｌｐ hi', [['＠ＡｃｍｅＨｅｌｐ', 'handle', '@AcmeHelp']]],
    ['@acmehelp is not @acme', [['@acmehelp', 'handle', '@AcmeHelp'], ['@acme', 'handle', 'acme']]],
    ['@acmeheld is someone else', []],
    ['write to bob@acmehelp.com', []], // an e-mail, not a mention; "acmehelp" is not a name either
    ['see https://x.com/AcmeHelp/status/1', [['x.com/AcmeHelp', 'handle', '@AcmeHelp']]],
    ['twitter.com/acme', [['twitter.com/acme', 'handle', 'acme']]],
    ['box.com/acme is not X', [['acme', 'name', 'Acme']]],
    ['#acme #Acme! ＃ＡＣＭＥ', [['#acme', 'hashtag', '#acme'], ['#Acme', 'hashtag', '#acme'], ['＃ＡＣＭＥ', 'hashtag', '#acme']]],
    ['#acmedeals is another tag', []],
    ['#acme中国', [['acme中国', 'product', 'Acme中国']]], // not the #acme tag, but the product inside it
    ['@sberbank #сбер', [['@sberbank', 'handle', 'sberbank'], ['#сбер', 'hashtag', 'сбер']]],
  ])('handles and hashtags: %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['Сбербанк опять завис', [['Сбербанк', 'name', 'Сбербанк']]],
    ['СБЕРБАНК!', [['СБЕРБАНК', 'name', 'Сбербанк']]],
    ['в Сбербанке очередь', []], // declensions only match when configured
    ['сбер не работает', [['сбер', 'misspelling', 'сбер']]],
    ['сберкасса', []],
    ['我买的小米手机坏了', [['小米', 'product', '小米']]],
    ['Acme中国的客服', [['Acme中国', 'product', 'Acme中国']]], // longest wins over the name
    ['用Acme很好', [['Acme', 'name', 'Acme']]], // Han next to Latin is a boundary
  ])('scripts: %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('compileMatcher: overlaps and exclusions', () => {
  it.each([
    ['acme help please', [['acme help', 'name', 'acme help']]],
    ['Acme, help!', [['Acme', 'name', 'Acme']]], // the comma breaks the phrase
    ['truly the acme of perfection', []],
    ['The Acme of perfection, but Acme broke my trap', [['Acme', 'name', 'Acme']]],
    ['acme of perfectionism', [['acme', 'name', 'Acme']]], // the exclusion is whole-word too
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('keeps the right offsets for the surviving occurrence', () => {
    const text = 'acme of perfection … acme';
    const [only, ...rest] = matcher.match(text);
    expect(rest).toEqual([]);
    expect(only?.start).toBe(text.lastIndexOf('acme'));
  });

  it('an exclusion of one brand does not suppress another brand', () => {
    const other = profile('other', { names: ['acme'] });
    const m = compileMatcher([acme, other]);
    expect(m.match('the acme of perfection').map((x) => x.brandId)).toEqual(['other']);
  });

  it('reports one mention per brand when two brands share a word', () => {
    const other = profile('other', { names: ['acme help desk'] });
    const m = compileMatcher([acme, other]);
    expect(m.match('acme help desk').map((x) => [x.brandId, x.term])).toEqual([
      ['acme', 'acme help'],
      ['other', 'acme help desk'],
    ]);
  });

  it('does not double count a term configured in two lists', () => {
    const twice = profile('twice', { names: ['Widget'], products: ['widget'], misspellings: ['WIDGET'] });
    expect(compileMatcher([twice]).match('my widget').map((x) => x.kind)).toEqual(['name']);
  });

  it('returns schema-valid matches', () => {
    for (const m of matcher.match('@acme #acme Acme 小米 Сбербанк')) expect(BrandMatchSchema.parse(m)).toEqual(m);
  });
});

describe('dense and sparse automata agree', () => {
  it.each(['@acme acme help #acme', '我买的小米手机坏了 Acme中国', 'Сбербанк сбер и\u0306', 'acme of perfection acme'])('%j', (text) => {
    expect(found(text, sparse)).toEqual(found(text));
  });
});

describe('edge cases', () => {
  it('an empty profile list matches nothing', () => {
    expect(compileMatcher([]).match('acme')).toEqual([]);
  });

  it('re-steps a letter rewritten by a following combining mark', () => {
    const m = compileMatcher([profile('y', { names: ['мой'] }), profile('i', { names: ['мои'] })]);
    expect(m.match('мои\u0306').map((x) => x.brandId)).toEqual(['y']);
    expect(m.match('мои').map((x) => x.brandId)).toEqual(['i']);
  });
});

describe('long posts', () => {
  // ﷺ folds to 18 units (five of them ل), so these outgrow the matcher's buffers mid-post.
  const lam = profile('lam', { names: ['ل'] });
  const naive = compileNaiveMatcher([acme, lam]);

  it.each([
    ['5,000 units', 'x'.repeat(5000) + ' acme help', [['acme help', 'name', 'acme help']]],
    ['space runs', `${'word  '.repeat(1000)}@acme`, [['@acme', 'handle', 'acme']]],
    ['more raw hits than the post has units', `${'ﷺ'.repeat(300)} ل`, [['ل', 'name', 'ل']]],
    ['expansions', `${'ﷺ'.repeat(100)} Acme\u3000\u3000help ${'ß'.repeat(2000)}`, [['Acme\u3000\u3000help', 'name', 'acme help']]],
  ])('%s', (_, text, expected) => {
    const long = compileMatcher([acme, lam]); // fresh buffers for each
    expect(found(text, long)).toEqual(expected);
    expect(long.match(text)).toEqual(naive.match(text));
  });
});

describe('isBrandAuthor', () => {
  it.each([
    ['acme', true],
    ['@AcmeHelp', true],
    ['ACMEHELP', true],
    ['ＡｃｍｅＨｅｌｐ', true],
    ['acmehelper', false],
    ['', false],
    ['@', false],
  ])('%j → %s', (handle, expected) => {
    expect(isBrandAuthor(acme, handle)).toBe(expected);
  });
});

describe('brandHandleTest', () => {
  const isAcmeHandle = brandHandleTest([acme]);

  it.each([
    ['acmehelp', true],
    ['AcmeHelp', true],
    ['@acmehelp', true],
    [' acmehelp ', true],
    ['ａｃｍｅｈｅｌｐ', true],
    ['acme.help', false],
    ['acmehelper', false],
    ['', false],
  ])('%j → %s', (handle, expected) => {
    expect(isAcmeHandle(handle)).toBe(expected);
  });

  it('answers as isBrandAuthor for any handle, plain or not', () => {
    const handle = fc.oneof(
      fc.stringMatching(/^[a-z0-9_.-]{1,12}$/),
      fc.constantFrom('acme', 'acmehelp', 'AcmeHelp', '@acme', 'acme ', 'ａｃｍｅ', 'ACME'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(fc.property(handle, (h) => isAcmeHandle(h) === isBrandAuthor(acme, h)));
  });

  it('knows no handle when no brand has one', () => {
    expect(brandHandleTest([])('acme')).toBe(false);
  });
});

describe('summarise', () => {
  it('groups per brand with deduplicated terms in first-seen order', () => {
    const text = 'Acme acme @acme Сбербанк ACME сбер';
    expect(summarise(matcher.match(text))).toEqual([
      { brandId: 'acme', terms: ['Acme', 'acme'], count: 4 },
      { brandId: 'sber', terms: ['Сбербанк', 'сбер'], count: 2 },
    ]);
  });

  it('is empty for no matches', () => {
    expect(summarise([])).toEqual([]);
  });
});
