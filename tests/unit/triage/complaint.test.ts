import { describe, expect, it } from 'vitest';
import { findComplaintEvidence } from '../../../lib/triage/complaint';
import { tokenize } from '../../../lib/triage/text';

const evidence = (text: string, terms: string[] = []): string[] =>
  findComplaintEvidence(text, tokenize(text), terms).filter((h) => h.strength >= 1).map((h) => h.evidence);

describe('findComplaintEvidence', () => {
  it.each([
    ['@acme my order is #broken', ['#broken']],
    ['still waiting for my refund', ['"still waiting"', '"refund"']],
    ['the app doesn’t work since the update', ['"doesn\'t work"']],
    ['never again, no one answers the phone', ['"never again"', '"no one answers"']],
    ['you lost my bag', ['"lost my"']],
    ['Worst. Purchase. Ever.', ['"worst"']],
    ['приложение не работает уже неделю', ['"не работает"']],
    ['посылку потеряли, верните деньги', ['"потеряли"', '"верните деньги"']],
    ['我要投诉，东西坏了', ['"投诉"', '"坏了"']],
    ['#poorservice', ['#poorservice']],
  ])('%s → %j', (text, expected) => {
    expect(evidence(text)).toEqual(expected);
  });

  it.each([
    ['not bad at all'],
    ['no problem, thanks'],
    ['I have never had an issue with you'],
    ['не плохо'],
    ['没问题，谢谢'],
    ['не было проблем'],
    ['The #BrokenHearts concert was great'],
    ['see https://acme.com/refund-policy'],
  ])('negated or not the customer’s words: %s', (text) => {
    expect(findComplaintEvidence(text, tokenize(text))).toEqual([]);
  });

  it('marks generic words as weak evidence only', () => {
    const hits = findComplaintEvidence('the delivery was late', tokenize('the delivery was late'));
    expect(hits).toEqual([{ evidence: '"late"', strength: 0.5 }]);
  });

  it("uses the brand's own complaint terms", () => {
    expect(evidence('my widget is squeaking again', ['squeaking'])).toEqual(['"squeaking"']);
    expect(evidence('my widget is squeaking again')).toEqual([]);
  });
});
