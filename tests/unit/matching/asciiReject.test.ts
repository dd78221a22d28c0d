import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiDecide, asciiReject, SEPARATOR_RANGES } from '../../../lib/matching/asciiReject';
import { compileMatcher } from '../../../lib/matching/matcher';
import { normalise } from '../../../lib/matching/normalise';
import { compilePatterns } from '../../../lib/matching/terms';
import { acme, sber } from './helpers';

const PATTERNS = ['acme', 'acme help', '@acmehelp', 'x.com/acme', 'a+b', 'сбер'];
const reject = asciiReject(PATTERNS);
/** What the prefilter decides: some pattern occurs anywhere in the normalised text. */
const occurs = (text: string) => PATTERNS.some((p) => normalise(text).text.includes(p));

const pieces = fc.constantFrom('acme', 'ACME', 'Acme', ' ', '\t\n', '  ', 'help', '@', 'x.com/', 'a+b', 'a', 'b', '+', '.', 'é', 'ＡＣＭＥ', 'сбер', '\u00a0', '\u000b');
const text = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));

describe('asciiReject', () => {
  it.each([
    ['lunch in the park', true],
    ['Hey @ACME where is it', false],
    ['acme\t\n help is slow', false],
    ['x.com/acmehelp', false],
    ['aXb', true], // "+" is literal, not a RegExp quantifier
    ['a+b', false],
    ['Ａｃｍｅ fullwidth', false], // not ASCII: left to the matcher, which folds it to "acme"
    ['сбер', false],
  ])('%j → reject %s', (input, expected) => {
    expect(reject(input)).toBe(expected);
  });

  it('never rejects a text in which a pattern occurs, and rejects every ASCII text in which none does', () => {
    fc.assert(
      fc.property(text, (t) => {
        const ascii = [...t].every((c) => c.charCodeAt(0) < 128);
        if (reject(t)) expect(occurs(t)).toBe(false);
        if (ascii) expect(reject(t)).toBe(!occurs(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves the page matcher (match and test) answering exactly when some pattern occurs anywhere (its prefilter contract)', () => {
    const profiles = [acme, sber];
    const page = compileMatcher(profiles, { prefilter: true });
    const texts = compilePatterns(profiles.map((p) => ({ ...p, exclusions: [] }))).map((p) => p.text);
    fc.assert(
      fc.property(text, (t) => {
        const n = normalise(t).text;
        expect(page.match(t).length > 0).toBe(texts.some((p) => n.includes(p)));
        expect(page.test?.(t)).toBe(page.match(t).length > 0);
      }),
      { numRuns: 2000 },
    );
  });

  describe('with ASCII patterns only, text with separator characters', () => {
    const asciiPatterns = ['acme', 'acme help', '@acmehelp', 'x.com/acme', 'a+b'];
    const rejectAscii = asciiReject(asciiPatterns);
    const occursAscii = (t: string) => asciiPatterns.some((p) => normalise(t).text.includes(p));
    const mixed = fc
      .array(fc.constantFrom('acme', 'ACME', ' ', 'help', '@', 'x.com/', 'a', '+', 'b', 'кошка', 'Ёж', '今天', '，', '。', 'ひら', 'カタ', '한국', 'ＡＣＭＥ', '／', '．', 'é', '\u00a0'), { maxLength: 12 })
      .map((parts) => parts.join(''));

    it.each([
      ['Customer 3@bob·1hLovely weather', true], // an X post's textContent: "·" before the time
      ['Customer 3@bob·1h@AcmeHelp where', false],
      ['Моя кошка опять спит', true],
      ['今天天气很好，我们去公园散步了', true],
      ['今天 @AcmeHelp 很好', false],
      ['кошка acme', false],
      ['x．com／acme', false], // full-width "." and "/" occur in a pattern: left to the matcher
      ['ＡＣＭＥ', false], // full-width letters are pattern letters
      ['кошка é', false], // a Latin diacritic is stripped by the matcher: not a separator
    ])('%j → reject %s', (input, expected) => {
      expect(rejectAscii(input)).toBe(expected);
    });

    it('never rejects a text in which a pattern occurs', () => {
      fc.assert(
        fc.property(mixed, (t) => {
          if (rejectAscii(t)) expect(occursAscii(t)).toBe(false);
        }),
        { numRuns: 3000 },
      );
    });

    const decideAscii = asciiDecide(asciiPatterns);

    it.each([
      ['Customer 3@bob·1hLovely weather', false],
      ['Customer 3@bob·1h@AcmeHelp where', true], // names a brand: no normalisation either
      ['今天 @AcmeHelp 很好', true],
      ['кошка ACME', true],
      ['x．com／acme', undefined], // full-width "." and "/": only the matcher can tell
      ['кошка é', undefined],
    ])('%j → decide %s', (input, expected) => {
      expect(decideAscii(input)).toBe(expected);
    });

    it('answers exactly whenever it answers (and for every text of ASCII and separators)', () => {
      const separator = (c: number) => SEPARATOR_RANGES.some(([a, b]) => c >= a && c <= b);
      fc.assert(
        fc.property(mixed, (t) => {
          const decided = decideAscii(t);
          if (decided !== undefined) expect(decided).toBe(occursAscii(t));
          if ([...t].every((c) => c.charCodeAt(0) < 128 || separator(c.charCodeAt(0)))) expect(decided).toBe(occursAscii(t));
        }),
        { numRuns: 3000 },
      );
    });

    it('keeps the full matcher for every text when some pattern is not ASCII', () => {
      expect(asciiReject(['acme', 'сбер'])('Моя кошка')).toBe(false);
    });

    it('lists only characters that normalise, alone and between letters, to non-ASCII text', () => {
      const bad: string[] = [];
      for (const [from, to] of SEPARATOR_RANGES) {
        for (let c = from; c <= to; c++) {
          const ch = String.fromCharCode(c);
          const alone = normalise(ch).text;
          const between = normalise(`a${ch}b`).text;
          // eslint-disable-next-line no-control-regex -- ASCII by definition
          if (alone === '' || /[\x00-\x7f]/.test(alone) || between !== `a${alone}b`) bad.push(c.toString(16));
        }
      }
      expect(bad).toEqual([]);
    });
  });
});
