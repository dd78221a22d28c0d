import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvCell, csvText, neutraliseFormulas } from '../../../lib/spreadsheet/csvCell';
import { FORMULA_PAYLOADS, SEPARATORS, formulaCells } from '../support/formulaCells';

describe('neutraliseFormulas', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['order late;=WEBSERVICE(A1)', "order late;'=WEBSERVICE(A1)"],
    ['a,+1', "a,'+1"],
    ['a\t-1', "a\t'-1"],
    ['a;\tb', "a;'\tb"],
    [' =1', "' =1"],
    ['\u00A0@x', "'\u00A0@x"],
    ['\uFEFF=1', "'\uFEFF=1"],
    ['\uFF1D1', "'\uFF1D1"],
    ['line\n=1', "line\n'=1"],
    ['say "=1"', "say \"'=1\""],
    ['fine = ok', 'fine = ok'],
    ['a - b', 'a - b'],
    ['Привет', 'Привет'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(neutraliseFormulas(input)).toBe(out);
  });

  it('quotes every cell and doubles inner quotes', () => {
    expect(csvCell('a')).toBe('"a"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(12.5)).toBe('"12.5"');
    expect(csvCell(true)).toBe('"true"');
  });
});

const hostileText = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', '\u00A0', '\uFEFF', ',', ';', '\t', '\r', '\n', '"', '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', 'ж', '中') }),
  fc.string(),
);

describe('CSV text under any separator', () => {
  it.each(SEPARATORS.map((s) => [JSON.stringify(s), s]))('no live formula cell when split by %s (property)', (_label, separator) => {
    fc.assert(
      fc.property(fc.array(fc.array(hostileText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        expect(formulaCells(csvText(rows), separator)).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it.each(SEPARATORS.map((s) => [JSON.stringify(s), s]))('the payload table makes no live cell when split by %s', (_label, separator) => {
    const csv = csvText(FORMULA_PAYLOADS.map((p) => [p, 'x']));
    expect(formulaCells(csv, separator)).toBe(0);
    // The counter can fail: the same payloads written naively are live.
    expect(formulaCells(FORMULA_PAYLOADS.join('\r\n'), separator)).toBeGreaterThan(0);
  });

  it('round-trips through a comma reader (only the apostrophes are added)', () => {
    fc.assert(
      fc.property(hostileText, (t) => {
        const parsed = Papa.parse<string[]>(csvText([[t, 'end']]), { header: false });
        expect(parsed.data[0]).toEqual([neutraliseFormulas(t), 'end']);
        expect(neutraliseFormulas(t).replace(/'/g, '')).toBe(t.replace(/'/g, ''));
      }),
      { numRuns: 300 },
    );
  });
});
