import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isFullNameKey,
  normaliseEmail,
  normaliseFacebookUrl,
  normaliseName,
  normaliseOrderNumber,
  normaliseXHandle,
  parseMoney,
  splitOrderNumbers,
  splitTags,
  stableHash,
} from '../../../lib/customers/normalise';

describe('normaliseName', () => {
  it.each<[string, string]>([
    ['  Jane   DOE ', 'jane doe'],
    ['José Álvarez', 'jose alvarez'],
    ['Zoë O’Brien-Smith', 'zoe o brien smith'],
    ['Jane Doe 🌸✨', 'jane doe'],
    ['Ｊａｎｅ　Ｄｏｅ', 'jane doe'], // full-width letters and ideographic space (NFKC)
    ['Straße', 'strasse'],
    ['Андрей Ёлкин', 'андрей елкин'], // ё folds to е, й stays
    ['АНДРЕЙ ЁЛКИН', 'андрей елкин'],
    ['Пётр Ильич Чайковский', 'петр ильич чайковский'],
    ['张伟', '张伟'],
    ['张 伟', '张伟'],
    ['玛丽·居里', '玛丽居里'],
    ['王芳 (Wang Fang)', '王芳 wang fang'],
    ['', ''],
    ['🔥🔥', ''],
  ])('%s → %s', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['jane doe', true],
    ['jane', false],
    ['张伟', true],
    ['伟', false],
    ['', false],
  ])('isFullNameKey(%s) = %s', (key, expected) => {
    expect(isFullNameKey(key)).toBe(expected);
  });
});

describe('normaliseXHandle', () => {
  it.each<[string, string | undefined]>([
    ['@Jane_Doe', 'jane_doe'],
    ['jane_doe', 'jane_doe'],
    ['https://x.com/Foo', 'foo'],
    ['https://twitter.com/foo/status/1234567890123456789', 'foo'],
    ['twitter.com/foo', 'foo'],
    ['http://mobile.twitter.com/Foo?s=20', 'foo'],
    ['www.x.com/BAR/', 'bar'],
    ['https://x.com/home', undefined],
    ['https://x.com/i/web/status/1', undefined],
    ['jane doe', undefined],
    ['@this_handle_is_too_long', undefined],
    ['', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseXHandle(input)).toBe(expected);
  });
});

describe('normaliseFacebookUrl', () => {
  it.each<[string, string | undefined]>([
    ['https://www.facebook.com/Jane.Doe.5/', 'https://www.facebook.com/jane.doe.5'],
    ['https://m.facebook.com/jane.doe.5?ref=bookmarks', 'https://www.facebook.com/jane.doe.5'],
    ['web.facebook.com/jane.doe.5', 'https://www.facebook.com/jane.doe.5'],
    ['https://www.facebook.com/profile.php?id=100012345678901&sk=about', 'https://www.facebook.com/profile.php?id=100012345678901'],
    ['jane.doe.5', 'https://www.facebook.com/jane.doe.5'],
    ['https://www.facebook.com/', undefined],
    ['https://www.facebook.com/profile.php', undefined],
    ['https://example.com/jane', undefined],
    ['12345', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseFacebookUrl(input)).toBe(expected);
  });
});

describe('normaliseEmail', () => {
  it.each<[string, string | undefined]>([
    [' Jane.Doe@Example.COM ', 'jane.doe@example.com'],
    ['mailto:jane@example.com', 'jane@example.com'],
    ['<jane@example.com>', 'jane@example.com'],
    ['jane@example', undefined],
    ['jane.example.com', undefined],
    ['jane@@example.com', undefined],
    ['a@b.c', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });
});

describe('parseMoney', () => {
  it.each<[string, { amount: number; currency: string } | undefined]>([
    ['$1,234.50', { amount: 1234.5, currency: 'USD' }],
    ['1 234,50 ₽', { amount: 1234.5, currency: 'RUB' }],
    ['1\u00a0234,50\u00a0руб.', { amount: 1234.5, currency: 'RUB' }],
    ['1.234,50 €', { amount: 1234.5, currency: 'EUR' }],
    ['£99', { amount: 99, currency: 'GBP' }],
    ['¥88.8', { amount: 88.8, currency: 'CNY' }],
    ['1234.5 USD', { amount: 1234.5, currency: 'USD' }],
    ['123.45', { amount: 123.45, currency: '' }],
    ['12,5', { amount: 12.5, currency: '' }],
    ['1,234', { amount: 1234, currency: '' }],
    ['1,234,567.89', { amount: 1234567.89, currency: '' }],
    ["1'234.50", { amount: 1234.5, currency: '' }],
    ['-5.00', { amount: -5, currency: '' }],
    ['0', { amount: 0, currency: '' }],
    ['abc', undefined],
    ['', undefined],
    ['$', undefined],
    ['1.2.3,4,5', undefined],
    ['12,34,5', undefined],
    ['1e5', undefined],
    ['10.', undefined],
  ])('%s', (input, expected) => {
    expect(parseMoney(input)).toEqual(expected);
  });
});

describe('lists and ids', () => {
  it.each<[string, string[]]>([
    ['vip, returning ,vip', ['vip', 'returning']],
    ['опт，постоянный', ['опт', 'постоянный']],
    ['', []],
    [' , ,', []],
  ])('splitTags(%s)', (input, expected) => {
    expect(splitTags(input)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['#1001, #1002', ['1001', '1002']],
    ['a-10023; A-10023 №4512', ['A-10023', '4512']],
    ['none', []],
  ])('splitOrderNumbers(%s)', (input, expected) => {
    expect(splitOrderNumbers(input)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['#1001', '1001'],
    ['№ 4512', '4512'],
    ['no. 77a', '77A'],
    ['#a-10023', 'A-10023'],
    // Found by the property test below: every leading marker goes, so the key is a fixed point.
    ['##', ''],
    ['## 12', '12'],
    ['№#12', '12'],
    ['No 5', '5'],
    ['NOVA-1', 'NOVA-1'],
  ])('normaliseOrderNumber(%s) = %s', (input, expected) => {
    expect(normaliseOrderNumber(input)).toBe(expected);
  });

  it('stableHash is deterministic, 16 hex digits and input-sensitive', () => {
    expect(stableHash('jane@example.com')).toBe(stableHash('jane@example.com'));
    expect(stableHash('jane@example.com')).toMatch(/^[0-9a-f]{16}$/);
    expect(stableHash('jane@example.com')).not.toBe(stableHash('jane@example.org'));
  });
});

describe('normaliser properties', () => {
  it('parseMoney reads back amounts formatted by Intl in en/ru/de/zh/fr locales', () => {
    const formats: [string, string][] = [
      ['en-US', 'USD'],
      ['ru-RU', 'RUB'],
      ['de-DE', 'EUR'],
      ['zh-CN', 'CNY'],
      ['fr-FR', 'EUR'],
      ['en-GB', 'GBP'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...formats), fc.integer({ min: 0, max: 10_000_000_00 }), ([locale, currency], cents) => {
        const text = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
        expect(parseMoney(text)).toEqual({ amount: cents / 100, currency });
      }),
      { numRuns: 300 },
    );
  });

  it('normalisers are idempotent and never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const name = normaliseName(s);
        expect(normaliseName(name)).toBe(name);
        const handle = normaliseXHandle(s);
        if (handle !== undefined) expect(normaliseXHandle(handle)).toBe(handle);
        const url = normaliseFacebookUrl(s);
        if (url !== undefined) expect(normaliseFacebookUrl(url)).toBe(url);
        const order = normaliseOrderNumber(s);
        expect(normaliseOrderNumber(order)).toBe(order);
        parseMoney(s);
        splitTags(s);
      }),
      { numRuns: 500 },
    );
  });
});
