import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton, type DenseTables } from '../../../lib/matching/automaton';

const SPACE = 32;
const codesOf = (text: string) => Uint16Array.from(text, (c) => c.charCodeAt(0));

/** [pattern, end] for every occurrence, sorted, as `scan` reports them. */
function scanHits(patterns: string[], text: string, denseCellLimit?: number): [number, number][] {
  const hits: [number, number][] = [];
  const a = buildAutomaton(patterns, denseCellLimit === undefined ? {} : { denseCellLimit });
  a.scan(codesOf(text), text.length, (pattern, end) => hits.push([pattern, end]));
  return hits.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
}

/** The obvious oracle: every indexOf of every pattern. */
function indexOfHits(patterns: string[], text: string): [number, number][] {
  const hits: [number, number][] = [];
  patterns.forEach((p, pattern) => {
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1)) hits.push([pattern, at + p.length]);
  });
  return hits.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
}

/**
 * Steps `rows` over every unit of `raw`, as the fused scanner does, and reports [pattern, end]
 * with ends counted in units of the text with its space runs collapsed.
 */
function rowHits(tables: DenseTables, raw: string): [number, number][] {
  const { rows, classOf, classes, outStart, outList } = tables;
  const hits: [number, number][] = [];
  let s = 0;
  let n = 0;
  let afterSpace = false;
  for (const ch of raw) {
    const u = ch.charCodeAt(0);
    if (!(u === SPACE && afterSpace)) n++;
    afterSpace = u === SPACE;
    const t = rows[s + classOf[u]!]!;
    s = Math.abs(t);
    if (t < 0) {
      const state = s / classes;
      for (let o = outStart[state]!; o < outStart[state + 1]!; o++) hits.push([outList[o]!, n]);
    }
  }
  return hits.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
}

describe('buildAutomaton', () => {
  it.each([
    [['he', 'she', 'his', 'hers'], 'ushers', [[1, 4], [0, 4], [3, 6]]],
    [['a', 'aa'], 'aaa', [[0, 1], [0, 2], [1, 2], [0, 3], [1, 3]]],
    [['acme help', 'acme'], 'acme help', [[1, 4], [0, 9]]],
    [['小米'], '我买的小米手机', [[0, 5]]],
    [['abc'], 'xyz', []],
  ])('%j in %j', (patterns, text, expected) => {
    const sorted = [...expected].sort((x, y) => x[1]! - y[1]! || x[0]! - y[0]!);
    expect(scanHits(patterns, text)).toEqual(sorted);
    expect(scanHits(patterns, text, 0)).toEqual(sorted);
  });

  const alphabet = fc.constantFrom(...'ab c'.split(''));
  const pattern = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
  const text = fc.array(alphabet, { maxLength: 60 }).map((a) => a.join(''));

  it('dense and sparse automata find exactly the indexOf occurrences', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 8 }), text, (patterns, t) => {
        const expected = indexOfHits(patterns, t);
        expect(scanHits(patterns, t)).toEqual(expected);
        expect(scanHits(patterns, t, 0)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('every row starts with the root, and the root never accepts', () => {
    const d = buildAutomaton(['acme', 'acme help', '@acme', '小米'], { collapsing: SPACE }).dense!;
    for (let row = 0; row < d.rows.length; row += d.classes) expect(d.rows[row]).toBe(0);
    expect(d.outStart[0]).toBe(d.outStart[1]);
  });

  it('with `collapsing`, stepping every unit of a space run finds what the collapsed text has', () => {
    // Trimmed patterns, like the matcher's: none starts or ends with a space.
    const trimmed = pattern.map((p) => p.trim().replace(/ +/g, ' ')).filter((p) => p !== '');
    // Space runs inside would-be matches, so that a wrong step on a run shows.
    const runs = fc.array(fc.constantFrom('a', 'b', 'c', ' ', '  ', '   ', 'a b', 'b  c', 'c   a'), { maxLength: 20 });
    fc.assert(
      fc.property(fc.array(trimmed, { minLength: 1, maxLength: 8 }), runs.map((a) => a.join('')), (patterns, raw) => {
        const collapsed = raw.replace(/ +/g, ' ');
        const d = buildAutomaton(patterns, { collapsing: SPACE }).dense!;
        expect(rowHits(d, raw)).toEqual(indexOfHits(patterns, collapsed));
      }),
      { numRuns: 500 },
    );
  });
});
