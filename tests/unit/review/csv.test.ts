import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { INTERACTION_COLUMNS, escapeFormula, toInteractionsCsv } from '../../../lib/review/csv';
import { entry, mention } from './helpers';
import { FORMULA_PAYLOADS, SEPARATORS, formulaCells } from '../support/formulaCells';

const T = Date.UTC(2026, 10, 23, 9, 0);

function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const out = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(out.errors).toEqual([]);
  return out.data;
}

describe('escapeFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1 555 0100', `'+1 555 0100`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['fine = ok', 'fine = ok'],
    ['Привет', 'Привет'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(escapeFormula(input)).toBe(out);
  });
});

describe('toInteractionsCsv', () => {
  it('one row per reply with ISO times, minutes, SLA, customer name and template', () => {
    const e = entry({
      id: 'r1', repliedAt: T, frtMin: 90, frtBizMin: 30, customerId: 'c1', templateId: 't1', templateShortCode: 'sorry',
      text: 'Hi "Anna",\nwe are on it', postText: '=cmd|"/c calc"!A1', postAuthor: 'Anna',
    });
    const rows = parse(toInteractionsCsv([e], [], new Map([['c1', { name: 'Анна 王' }]])));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      customer_name: 'Анна 王',
      template: 'sorry',
      reply_text: 'Hi "Anna",\nwe are on it',
      post_text: `'=cmd|"/c calc"!A1`,
      replied_at: '2026-11-23T09:00:00.000Z',
      first_seen_at: '2026-11-23T07:30:00.000Z',
      frt_wall_min: '90',
      frt_business_min: '30',
      sla_met: 'true',
    });
    expect(Object.keys(rows[0] ?? {})).toEqual([...INTERACTION_COLUMNS]);
  });

  it('adds unanswered mentions with their state, and can leave them out', () => {
    const e = entry({ id: 'r1', repliedAt: T, postKey: 'x:answered' });
    const ms = [mention({ key: 'x:answered', firstSeenAt: T - 1, state: 'replied' }), mention({ key: 'x:dropped', firstSeenAt: T - 2, state: 'dismissed', dismissReason: '-spam' })];
    const rows = parse(toInteractionsCsv([e], ms));
    expect(rows.map((r) => [r.post_key, r.state, r.dismiss_reason])).toEqual([
      ['x:answered', 'replied', ''],
      ['x:dropped', 'dismissed', `'-spam`],
    ]);
    expect(parse(toInteractionsCsv([e], ms, new Map(), { includeUnanswered: false }))).toHaveLength(1);
  });

  it('any reply text survives a round trip (quotes, newlines, commas, Cyrillic, Chinese), formulas neutralised', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', '=', '+', '-', '@', 'ж', '中', '😀', ';') }),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (t) => {
        const e = entry({ id: 'r1', repliedAt: T, text: t });
        const [row] = parse(toInteractionsCsv([e], [], new Map(), { includeUnanswered: false }));
        expect(row?.reply_text).toBe(escapeFormula(t));
      }),
      { numRuns: 300 },
    );
  });

  it.each(SEPARATORS.map((s) => [JSON.stringify(s), s]))('hostile post, reply, author and dismiss texts make no live cell when read with %s', (_label, separator) => {
    const entries = FORMULA_PAYLOADS.map((p, i) => entry({ repliedAt: T + i, text: p, postText: p, postAuthor: p }));
    const mentions = FORMULA_PAYLOADS.map((p, i) => mention({ firstSeenAt: T + i, state: 'dismissed', dismissReason: p }));
    expect(formulaCells(toInteractionsCsv(entries, mentions), separator)).toBe(0);
  });
});
