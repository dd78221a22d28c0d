import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dmSnippet, draftToTemplate, duplicateDraft, EMPTY_DRAFT, highlightRuns, lineColumn, previousReplies, quoteAround, startOfDay, templateToDraft, validateDraft } from '../../../lib/compose';
import { ToneRulesSchema } from '../../../lib/schemas/settings';
import { TemplateSchema, type ToneFinding } from '../../../lib/schemas/templates';
import { checkTone, detectLanguage } from '../../../lib/tone';

const f = (start: number, end: number, blocking = false): ToneFinding => ({ check: 'overPromising', start, end, blocking, code: 'tone.overPromise', params: {} });

describe('highlightRuns', () => {
  it('marks exactly the finding’s words', () => {
    const text = 'Delivery guaranteed today.';
    const runs = highlightRuns(text, [f(9, 19)]);
    expect(runs.map((r) => [r.text, r.findings.length])).toEqual([['Delivery ', 0], ['guaranteed', 1], [' today.', 0]]);
  });
  it('merges plain text and splits overlaps', () => {
    expect(highlightRuns('abcdef', [f(1, 4), f(3, 5)]).map((r) => [r.text, r.findings.length])).toEqual([['a', 0], ['bc', 1], ['d', 2], ['e', 1], ['f', 0]]);
    expect(highlightRuns('abc', [f(0, 0)])).toEqual([{ text: 'abc', findings: [] }]);
  });
  it('always adds up to the text, whatever the (possibly stale) ranges', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.nat(60), fc.nat(60))), (text, ranges) => {
        const runs = highlightRuns(text, ranges.map(([a, b]) => f(Math.min(a, b), Math.max(a, b))));
        expect(runs.map((r) => r.text).join('')).toBe(text);
      }),
    );
  });
  it('quotes the words with context', () => {
    expect(quoteAround('So we guarantee it, really', f(6, 15), 3)).toEqual({ before: '…we ', words: 'guarantee', after: ' it…' });
  });
});

describe('template drafts', () => {
  const others = [{ shortCode: 'late' }];
  it.each([
    ['valid', { ...EMPTY_DRAFT, shortCode: '/refund', title: 'Refund', bodies: ['Hi {{customer.first_name || "there"}}'] }, []],
    ['missing everything', EMPTY_DRAFT, ['shortCode:required', 'title:required', 'bodies:required']],
    ['two words in the code', { ...EMPTY_DRAFT, shortCode: 'my code', title: 'T', bodies: ['b'] }, ['shortCode:badCode']],
    ['taken code (case-insensitive)', { ...EMPTY_DRAFT, shortCode: 'LATE', title: 'T', bodies: ['b'] }, ['shortCode:duplicateCode']],
    ['unknown variable in an X wording', { ...EMPTY_DRAFT, shortCode: 'a', title: 'T', bodies: ['b'], xBodies: ['ok', 'line\nHi {{custmer.name}}'] }, ['xBodies:unknownVariable']],
    ['malformed and empty blank', { ...EMPTY_DRAFT, shortCode: 'a', title: 'T', bodies: ['{{a b}} {{?}}'] }, ['bodies:malformed', 'bodies:emptyPrompt']],
  ])('%s', (_name, draft, expected) => {
    expect(validateDraft(draft, others).map((i) => `${i.field}:${i.code}`)).toEqual(expected);
  });

  it('reports line and column of the problem', () => {
    const [issue] = validateDraft({ ...EMPTY_DRAFT, shortCode: 'a', title: 'T', bodies: ['Hello\nHi {{custmer.name}}'] }, []);
    expect(issue).toMatchObject({ field: 'bodies', index: 0, line: 2, column: 4, detail: 'custmer.name', start: 9 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('round-trips through the stored record, and the record parses', () => {
    const draft = { ...EMPTY_DRAFT, shortCode: '/late', title: ' Late ', scope: 'personal' as const, tags: 'apology, shipping,apology', bodies: ['A', ' ', 'B'], xBodies: ['short'], facebookBodies: [''] };
    const t = draftToTemplate(draft, { id: 't1', owner: 'Sam', brandId: 'b', createdAt: 1, useCount: 3, now: 2 });
    expect(TemplateSchema.parse(t)).toEqual(t);
    expect(t).toMatchObject({ shortCode: 'late', title: 'Late', owner: 'Sam', bodies: ['A', 'B'], siteBodies: { x: ['short'] }, tags: ['apology', 'shipping'] });
    expect(templateToDraft(t)).toMatchObject({ shortCode: 'late', tags: 'apology, shipping', xBodies: ['short'], facebookBodies: [] });
    expect(duplicateDraft(t, [{ shortCode: 'late' }, { shortCode: 'late-2' }]).shortCode).toBe('late-3');
  });
});

describe('dmSnippet', () => {
  it.each([
    ['my tent broke', 'en'],
    ['палатка сломалась', 'ru'],
    ['帐篷坏了', 'zh'],
    ['🙂🙂', 'en'],
  ] as const)('%s → a %s DM line that the private-details check accepts', (post, lang) => {
    const line = dmSnippet(detectLanguage(post), 'x');
    expect(detectLanguage(line)).toBe(lang);
    const asking = `${line} ${lang === 'ru' ? 'Укажите номер вашего заказа.' : lang === 'zh' ? '请提供订单号。' : 'Include your order number.'}`;
    const findings = checkTone(asking, { rules: ToneRulesSchema.parse({}), postIsComplaint: false });
    expect(findings.filter((x) => x.check === 'privateDetails')).toEqual([]);
  });
});

describe('reply history', () => {
  it('deduplicates entries read twice and maps them for the repetition check', () => {
    const e = { id: 'r1', text: 'Hi', postAuthor: 'jane', repliedAt: 5 };
    expect(previousReplies([e, e, { ...e, id: 'r2', repliedAt: 6 }])).toEqual([
      { text: 'Hi', toAuthor: 'jane', at: 5 },
      { text: 'Hi', toAuthor: 'jane', at: 6 },
    ]);
  });
  it.each([
    ['UTC', Date.UTC(2026, 10, 23, 15, 30), Date.UTC(2026, 10, 23)],
    ['Europe/London', Date.UTC(2026, 6, 1, 12), Date.UTC(2026, 5, 30, 23)],
    ['Asia/Shanghai', Date.UTC(2026, 10, 23, 20), Date.UTC(2026, 10, 23, 16)],
  ])('start of day in %s', (tz, now, expected) => {
    expect(startOfDay(now, tz)).toBe(expected);
  });
});
