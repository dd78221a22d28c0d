import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editRatio, levenshtein } from '../../../lib/templates';

const cps = (s: string) => Array.from(s, (c) => c.codePointAt(0) ?? 0);

describe('editRatio', () => {
  it.each([
    ['Hi Anna, sorry!', 'Hi Anna, sorry!', 0],
    ['Hi Anna,\n sorry!', 'Hi Anna, sorry!  ', 0], // whitespace the editor changed does not count
    ['abc', 'xyz', 1],
    ['', '', 0],
    ['', 'new text', 1],
    ['kitten', 'sitting', 3 / 7],
    ['你好世界', '你好中国', 0.5], // code points, not UTF-16 units
    ['😀a', '😃a', 0.5],
  ])('%j → %j', (a, b, expected) => {
    expect(editRatio(a, b)).toBeCloseTo(expected, 10);
  });

  it('levenshtein classic values', () => {
    expect(levenshtein(cps('flaw'), cps('lawn'))).toBe(2);
    expect(levenshtein(cps('saturday'), cps('sunday'))).toBe(3);
  });

  it('is 0 for identical, within 0..1, and symmetric', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        expect(editRatio(a, a)).toBe(0);
        const r = editRatio(a, b);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
        expect(editRatio(b, a)).toBe(r);
      }),
    );
  });

  it('appending text raises the ratio by its share of the result', () => {
    expect(editRatio('a'.repeat(90), 'a'.repeat(90) + 'b'.repeat(10))).toBeCloseTo(0.1, 10);
  });

  it('handles 2 KB texts', () => {
    const a = 'Refund on its way. '.repeat(110);
    const b = a.replace(/way/g, 'road');
    const r = editRatio(a, b);
    expect(r).toBeGreaterThan(0);
    expect(r).toBeLessThan(0.3);
  });
});
