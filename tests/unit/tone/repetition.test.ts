import { describe, expect, it } from 'vitest';
import { ToneRulesSchema } from '../../../lib/schemas/settings';
import type { PreviousReply } from '../../../lib/schemas/templates';
import { checkTone, normaliseForRepetition, repetition, textSimilarity } from '../../../lib/tone';

const NOW = Date.UTC(2026, 10, 23, 15, 0);
const HOUR = 3_600_000;
const canned = (name: string, handle: string, order: string) =>
  `@${handle} Hi ${name}, sorry about the wait! Your order ${order} is on its way and should arrive within 3 days. Details: https://acme.test/t/${order}`;

describe('similarity', () => {
  it('masks handles, names after greetings, numbers and links', () => {
    expect(normaliseForRepetition(canned('Anna', 'anna_p', '1001'))).toEqual(normaliseForRepetition(canned('Bob', 'bobby', '77')));
    expect(textSimilarity(canned('Anna', 'a', '1'), canned('Bob', 'b', '2'))).toBe(1);
  });
  it.each([
    ['Thanks for the kind words, we will pass them on to the team!', 'Thanks for the kind words, we will pass them on to the team!!', true],
    ['Thanks for the kind words, we will pass them on to the team!', 'Sorry about the delay, a replacement is on the way today.', false],
    ['非常抱歉给您带来不便，我们会尽快处理您的订单。', '非常抱歉给您带来不便，我们会尽快处理您的订单！', true],
    ['非常抱歉给您带来不便，我们会尽快处理您的订单。', '感谢您的反馈，祝您生活愉快。', false],
    ['Здравствуйте, Анна! Заказ 123 уже в пути, ожидайте завтра.', 'Здравствуйте, Борис! Заказ 456 уже в пути, ожидайте завтра.', true],
  ])('%s ~ %s', (a, b, same) => {
    expect(textSimilarity(a, b) >= 0.8).toBe(same);
  });
  it('two empty replies are not the same reply', () => {
    expect(textSimilarity('', '!!')).toBe(0);
  });
});

describe('repetition', () => {
  const sentToday = (n: number): PreviousReply[] =>
    Array.from({ length: n }, (_, i) => ({ text: canned(`Name${"abcdefghij".charAt(i)}`, `user${i}`, `${i}00`), toAuthor: `user${i}`, at: NOW - (i + 1) * HOUR }));
  const draft = canned('Zed', 'zed', '999');

  it.each([
    [4, 5, []],
    [5, 5, [['tone.repeatedToday', 5]]],
    [8, 5, [['tone.repeatedToday', 8]]],
    [2, 2, [['tone.repeatedToday', 2]]],
  ])('%d people today, threshold %d', (n, threshold, expected) => {
    const hits = repetition(draft, sentToday(n), { author: 'zed', now: NOW, sameDayThreshold: threshold });
    expect(hits.map((h) => [h.code, h.params.count])).toEqual(expected);
  });

  it('replies before today do not count towards the daily threshold', () => {
    const old = sentToday(6).map((p) => ({ ...p, at: p.at - 2 * 24 * HOUR }));
    expect(repetition(draft, old, { author: 'zed', now: NOW, sameDayThreshold: 5 })).toEqual([]);
  });

  it('the same person counted once, and a different text not at all', () => {
    const same = sentToday(6).map((p) => ({ ...p, toAuthor: 'someone' }));
    const other = sentToday(6).map((p) => ({ ...p, text: 'Thanks for the kind words, we will pass them on!' }));
    expect(repetition(draft, [...same, ...other], { author: 'zed', now: NOW, sameDayThreshold: 2 })).toEqual([]);
  });

  it('warns when this person already got the same reply, whenever it was', () => {
    const before: PreviousReply[] = [{ text: canned('Zed', 'zed', '5'), toAuthor: '@ZED', at: NOW - 30 * 24 * HOUR }];
    expect(repetition(draft, before, { author: 'zed', now: NOW })).toEqual([
      { code: 'tone.repeatedToAuthor', params: { at: NOW - 30 * 24 * HOUR } },
    ]);
  });

  it('a "since" start of day narrows today', () => {
    const hits = repetition(draft, sentToday(6), { author: 'zed', now: NOW, since: NOW - 3.5 * HOUR, sameDayThreshold: 3 });
    expect(hits.map((h) => h.params.count)).toEqual([3]);
  });

  it('flows through checkTone as a whole-text finding', () => {
    const rules = ToneRulesSchema.parse({ enabled: ['repetition'], blocking: ['repetition'] });
    const f = checkTone(draft, { rules, postIsComplaint: false, previousReplies: sentToday(5), author: 'zed', now: NOW });
    expect(f).toEqual([{ check: 'repetition', code: 'tone.repeatedToday', start: 0, end: 0, blocking: true, params: { count: 5, threshold: 5 } }]);
  });
});
