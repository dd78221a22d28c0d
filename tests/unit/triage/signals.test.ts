import { describe, expect, it } from 'vitest';
import { compactNumber, findPraise, findQuestion, influenceOf } from '../../../lib/triage/signals';

describe('findQuestion', () => {
  it.each([
    ['@acme how do I reset my password', true],
    ['@acme can you check my order', true],
    ['is it open today?', true],
    ['@acme как вернуть товар', true],
    ['Почему так долго', true],
    ['有货吗', true],
    ['怎么退货', true],
    ['这个多少钱？', true],
    ['@acme thanks for the quick help', false],
    ['my order arrived today', false],
    ['Доставили вовремя', false],
    ['东西收到了', false],
  ])('%s → %s', (text, expected) => {
    expect(findQuestion(text) !== undefined).toBe(expected);
  });

  it('quotes the question', () => {
    expect(findQuestion('@acme Hi. Where is my parcel? Thanks')).toBe('"Where is my parcel?"');
  });
});

describe('findPraise', () => {
  it.each([
    ['thank you so much @acme', true],
    ['Спасибо за помощь', true],
    ['谢谢你们', true],
    ['where is my parcel', false],
  ])('%s → %s', (text, expected) => {
    expect(findPraise(text) !== undefined).toBe(expected);
  });
});

describe('influenceOf', () => {
  it('is log-scaled in followers', () => {
    const small = influenceOf(100, false, {})?.level ?? 0;
    const big = influenceOf(1_000_000, false, {})?.level ?? 0;
    expect(small).toBeGreaterThan(0);
    expect(big).toBeGreaterThan(small * 2);
    expect(big).toBeLessThanOrEqual(1);
  });

  it('describes followers, verification and engagement', () => {
    expect(influenceOf(12_000, true, { replies: 3, likes: 40 })?.detail).toBe('12k followers, verified, 3 replies, 40 likes');
  });

  it('is absent for an unknown author with no engagement', () => {
    expect(influenceOf(undefined, false, {})).toBeUndefined();
  });

  it.each([
    [999, '999'],
    [1500, '1.5k'],
    [12_345, '12k'],
    [2_500_000, '2.5M'],
  ])('compactNumber(%d) = %s', (n, s) => {
    expect(compactNumber(n)).toBe(s);
  });
});
