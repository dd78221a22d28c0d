import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBuffer, normalise, normaliseInto, normaliseTerm, toOriginal } from '../../../lib/matching/normalise';

describe('normalise', () => {
  it.each([
    ['ＡＣＭＥ', 'acme'], // full-width → half-width, then lower case
    ['＠AcmeHelp ＃Acme', '@acmehelp #acme'],
    ['Café Crème', 'cafe creme'],
    ['cafe\u0301', 'cafe'], // decomposed accent
    ['Ёлка ЁЖИК', 'елка ежик'],
    ['йод ЙОД и\u0306од', 'йод йод йод'], // й is a letter of its own, not и + accent
    ['Сбербанк', 'сбербанк'],
    ['我买的小米手机坏了', '我买的小米手机坏了'],
    ['ａｃｍｅ　中国', 'acme 中国'], // ideographic space
    ['a  \t\n b', 'a b'],
    ['ac\u200bme', 'acme'], // zero-width space used to dodge filters
    ['Straße', 'strasse'],
    ['ΣΟΦΟΣ', 'σοφοσ'],
    ['ﬁne', 'fine'],
    ['か\u3099', 'が'], // Kana voicing mark composes, is not stripped
    ['🔥ACME🔥', '🔥acme🔥'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('%j → %j', (input, expected) => {
    expect(normalise(input).text).toBe(expected);
  });

  it.each([
    ['xx ＡＣＭＥ!', 3, 7, 'ＡＣＭＥ'],
    ['🔥acme🔥', 2, 6, 'acme'],
    ['Cafe\u0301 time', 0, 4, 'Cafe\u0301'], // the accent is highlighted with its letter
    ['a   b', 0, 3, 'a   b'],
    ['Straße', 4, 6, 'ß'], // ß → ss: both units map to the one letter
    ['Straße', 5, 7, 'ße'],
  ])('maps %j normalised [%i,%i) back to %j', (input, s, e, slice) => {
    const n = normalise(input);
    const [start, end] = toOriginal(n, s, e);
    expect(input.slice(start, end)).toBe(slice);
  });

  it('trims terms', () => {
    expect(normaliseTerm('  Acme  Help ')).toBe('acme help');
  });

  it('reuses a buffer across calls without leaking the previous text', () => {
    const buf = createBuffer(4);
    normaliseInto('a much longer first text', buf);
    normaliseInto('ＡＢ', buf);
    expect(buf.length).toBe(2);
    expect(String.fromCharCode(...buf.codes.subarray(0, buf.length))).toBe('ab');
    expect(buf.starts[2]).toBe(2);
  });
});

describe('normalise properties', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 200 });
  const mixed = fc.string({
    unit: fc.constantFrom(...'aZé\u0301 \u200b@#＠ＡЁйи\u0306小米か\u3099🔥ß\u00a0\u3000\t'.split('')),
    maxLength: 60,
  });

  it('never throws, keeps offsets monotonic and within bounds', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mixed), (text) => {
        const n = normalise(text);
        expect(n.starts.length).toBe(n.text.length + 1);
        expect(n.starts[n.text.length]).toBe(text.length);
        for (let j = 0; j < n.text.length; j++) {
          expect(n.starts[j]!).toBeGreaterThanOrEqual(0);
          expect(n.starts[j]!).toBeLessThanOrEqual(n.starts[j + 1]!);
          expect(n.starts[j]!).toBeLessThan(text.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(mixed, (text) => {
        const once = normalise(text).text;
        expect(normalise(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('never cuts a surrogate pair in an original range', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const n = normalise(text);
        if (n.text.length === 0) return;
        const s = a % n.text.length;
        const e = s + 1 + (b % (n.text.length - s));
        const [start, end] = toOriginal(n, s, e);
        expect(start).toBeLessThan(end);
        expect(end).toBeLessThanOrEqual(text.length);
        const isLow = (i: number) => i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]!) && /[\ud800-\udbff]/.test(text[i - 1]!);
        expect(isLow(start)).toBe(false);
        expect(isLow(end)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
