import { describe, expect, it } from 'vitest';
import { insertionGate, renderStack, type Snippet } from '../../../lib/compose';
import { ToneRulesSchema } from '../../../lib/schemas/settings';
import type { ToneFinding } from '../../../lib/schemas/templates';
import { checkTone } from '../../../lib/tone';

const snippet = (shortCode: string, ...bodies: string[]): Snippet => ({ template: { id: shortCode, shortCode, bodies, siteBodies: {} }, variantIndex: 0 });
const finding = (blocking: boolean, check: ToneFinding['check'] = 'overPromising'): ToneFinding => ({ check, start: 0, end: 3, blocking, code: 'tone.x', params: {} });

describe('renderStack', () => {
  const ctx = { customer: { firstName: 'Jane' }, agent: { name: 'Sam' } };

  it('stacks rendered snippets into one reply, dropping a repeated greeting', () => {
    const r = renderStack([snippet('hi', 'Hi {{customer.first_name}}, sorry about that.'), snippet('dm', 'Hello there, please DM us. – {{agent.name}}')], 'x', ctx);
    expect(r).toMatchObject({ ok: true, text: 'Hi Jane, sorry about that. Please DM us. – Sam', missing: [], errors: [] });
  });

  it('lists each missing variable once and previews gaps as [name]', () => {
    const r = renderStack([snippet('a', 'Order {{order.number}} for {{customer.first_name}}'), snippet('b', 'Re {{order.number}}')], 'x', ctx);
    expect(r.ok).toBe(false);
    expect(r.text).toBe('');
    expect(r.missing).toEqual(['order.number']);
    expect(r.preview).toBe('Order [order.number] for Jane Re [order.number]');
  });

  it('one answer fills every blank with that label', () => {
    const s = [snippet('a', '{{?fix}} now.'), snippet('b', 'Then {{?fix}} again.')];
    expect(renderStack(s, 'x', ctx).prompts).toEqual([{ label: 'fix', answered: false }]);
    expect(renderStack(s, 'x', ctx, { fix: 'We refund' })).toMatchObject({ ok: true, text: 'We refund now. Then We refund again.' });
  });

  it('a value that looks like markup or a placeholder is inserted as plain text', () => {
    const r = renderStack([snippet('x', '<img src=x onerror=alert(1)> {{customer.first_name}}')], 'x', { customer: { firstName: '{{agent.name}}' } });
    expect(r).toMatchObject({ ok: true, text: '<img src=x onerror=alert(1)> {{agent.name}}' });
  });

  it('reports template errors with the snippet’s short code', () => {
    const r = renderStack([snippet('bad', 'Hi {{customer.frist_name}}')], 'x', ctx);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'unknownVariable', shortCode: 'bad', start: 3 })]);
  });

  it('nothing picked is not ok (free text is gated separately)', () => {
    expect(renderStack([], 'x', ctx).ok).toBe(false);
  });
});

describe('insertionGate', () => {
  const clean = { missing: [], prompts: [], errors: [] };
  it.each<[string, Parameters<typeof insertionGate>[0], boolean, string[], number]>([
    ['free text, no findings', { text: 'Thanks!', findings: [] }, true, [], 0],
    ['empty text', { text: '  ', findings: [] }, false, ['empty'], 0],
    ['missing variable', { text: 'x', render: { ...clean, missing: ['order.number'] }, findings: [] }, false, ['missingVariable'], 0],
    ['unanswered prompt', { text: 'x', render: { ...clean, prompts: [{ label: 'a', answered: false }] }, findings: [] }, false, ['prompt'], 0],
    ['answered prompt', { text: 'x', render: { ...clean, prompts: [{ label: 'a', answered: true }] }, findings: [] }, true, [], 0],
    ['template error', { text: 'x', render: { ...clean, errors: [{ code: 'malformed', detail: '', start: 0, end: 2, shortCode: 'a' }] }, findings: [] }, false, ['templateError'], 0],
    ['warnings only: allowed, counted as overrides', { text: 'x', findings: [finding(false), finding(false, 'emoji')] }, true, [], 2],
    ['a blocking finding blocks; warnings still counted', { text: 'x', findings: [finding(true), finding(false)] }, false, ['tone'], 1],
  ])('%s', (_name, input, allowed, blockers, overrides) => {
    const gate = insertionGate(input);
    expect(gate.allowed).toBe(allowed);
    expect(gate.blockers.map((b) => b.code)).toEqual(blockers);
    expect(gate.overrides).toBe(overrides);
  });

  it('the brand’s blocking switch decides, with real tone checks', () => {
    const text = 'Please reply with your email address, delivery guaranteed.';
    const warn = checkTone(text, { rules: ToneRulesSchema.parse({}), postIsComplaint: false, language: 'en' });
    expect(insertionGate({ text, findings: warn })).toMatchObject({ allowed: true, overrides: 2 });
    const strict = checkTone(text, { rules: ToneRulesSchema.parse({ blocking: ['privateDetails'] }), postIsComplaint: false, language: 'en' });
    const gate = insertionGate({ text, findings: strict });
    expect(gate.allowed).toBe(false);
    expect(gate.blockers).toEqual([{ code: 'tone', finding: expect.objectContaining({ check: 'privateDetails' }) }]);
    expect(gate.overrides).toBe(1);
  });
});
