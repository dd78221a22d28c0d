import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UploadParts, splitParts } from '../../../lib/review/upload';

describe('splitParts', () => {
  it('property: parts join to the text, none longer than the size, no character cut in half', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ж', '中', '😀', '"') , maxLength: 300 }), fc.integer({ min: 2, max: 17 }), (text, size) => {
        const parts = splitParts(text, size);
        expect(parts.join('')).toBe(text);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(size);
          expect(p.length).toBeGreaterThan(0);
          expect(p.isWellFormed()).toBe(true);
        }
      }),
    );
  });
});

describe('UploadParts', () => {
  it('gives the whole text once every part arrived, in any order, then forgets it', () => {
    const u = new UploadParts();
    u.add('u1', 1, 'world');
    u.add('u1', 0, 'hello ');
    expect(u.take('u1', 2)).toBe('hello world');
    expect(u.take('u1', 2)).toBeUndefined();
  });

  it.each([
    ['a missing middle part', [0, 2], 3],
    ['fewer parts than announced', [0, 1], 3],
    ['nothing (the worker restarted)', [], 1],
  ] as const)('%s → undefined', (_label, indexes, count) => {
    const u = new UploadParts();
    for (const i of indexes) u.add('u', i, `p${i}`);
    expect(u.take('u', count)).toBeUndefined();
  });
});
