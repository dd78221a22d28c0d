import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForSearch, queryTokens, searchTokensOf, tokensMatch, type Searchable } from '@/lib/customers/searchTokens';

const person = (over: Partial<Searchable>): Searchable => ({ name: '', facebookName: '', email: '', xHandle: '', orderNumbers: [], ...over });
const finds = (c: Searchable, query: string) => {
  const words = queryTokens(query);
  return words.length > 0 && tokensMatch(searchTokensOf(c), words);
};

describe('customer search tokens', () => {
  const ivan = person({ name: 'Иван Петров', email: 'i.petrov@mail.ru', xHandle: 'ivan_p', orderNumbers: ['A-2291', '#10419'] });
  const jose = person({ name: 'José Álvarez-Núñez', facebookName: 'Pepe Alvarez', email: 'jose@example.es' });
  const wang = person({ name: '王小明', email: 'wang@qq.com' });

  it.each<[string, Searchable, string, boolean]>([
    ['surname in Cyrillic', ivan, 'Петров', true],
    ['surname, other case', ivan, 'ПЕТРОВ', true],
    ['surname in Latin (script-insensitive)', ivan, 'petrov', true],
    ['first and last name, either order', ivan, 'петров иван', true],
    ['start of a word', ivan, 'пет', true],
    ['part of the email', ivan, 'mail.ru', true],
    ['email local part', ivan, 'i.petrov@', true],
    ['email up to the domain', ivan, 'i.petrov@mail', true],
    // A complete local part is not the start of a longer one.
    ['another address that starts the same', person({ email: 'user42420@example.com' }), 'user4242@', false],
    ['the address itself', person({ email: 'user4242@example.com' }), 'user4242@', true],
    ['handle with @', ivan, '@ivan_p', true],
    ['order number as written', ivan, '#A-2291', true],
    ['digits of an order number', ivan, '2291', true],
    ['another order', ivan, '10419', true],
    ['diacritics ignored', jose, 'nunez', true],
    ['diacritics typed', jose, 'Álvarez', true],
    ['Facebook name', jose, 'pepe', true],
    ['Chinese given name', wang, '小明', true],
    ['Chinese full name', wang, '王小明', true],
    ['Chinese surname', wang, '王', true],
    // What must not match.
    ['a word that is not there', ivan, 'sidorov', false],
    ['only one of two words there', ivan, 'петров сидоров', false],
    ['middle of a word', ivan, 'trov', false],
    ['another order number', ivan, '3391', false],
    ['Chinese characters not in the name', wang, '小红', false],
  ])('%s: %j finds it = %s', (_label, customer, query, expected) => {
    expect(finds(customer, query)).toBe(expected);
  });

  it('folds case, width, diacritics and Cyrillic the same way for both sides', () => {
    expect(foldForSearch('ЁЛКИ Ｊｏｓé')).toBe('elki jose');
    expect(queryTokens('  ')).toEqual([]);
  });

  it('any word of any name finds its customer (property)', () => {
    // A word of only hard/soft signs (ъ, ь) spells nothing in Latin: there is nothing to search by.
    // À-ÿ without × and ÷, which are symbols, not letters.
    const word = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё]{1,12}$/).filter((w) => foldForSearch(w) !== '');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.nat(), (names, pick) => {
        const c = person({ name: names.join(' ') });
        const target = names[pick % names.length] ?? '';
        expect(finds(c, target)).toBe(true);
        expect(finds(c, target.toUpperCase())).toBe(true);
      }),
    );
  });

  it('stays bounded for huge records', () => {
    const big = person({ name: Array.from({ length: 200 }, (_v, i) => `word${i}`).join(' '), orderNumbers: Array.from({ length: 100 }, (_v, i) => `${1000 + i}`) });
    const tokens = searchTokensOf(big);
    expect(tokens.length).toBeLessThanOrEqual(64);
    expect(Math.max(...tokens.map((t) => t.length))).toBeLessThanOrEqual(40);
  });
});
