import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysOfIsoWeek, isoWeekOfDay, msToMinutes, quantilesOfCounts, quantilesOfValues } from '../../../lib/review/stats';
import { normaliseReplyText, replyTextHash } from '../../../lib/review/normalise';

describe('quantiles (median: mean of the two middle values; p90: nearest rank)', () => {
  it.each([
    [[], null, null],
    [[5], 5, 5],
    [[1, 3], 2, 3],
    [[3, 1, 2], 2, 3],
    [[1, 2, 3, 4], 2.5, 4],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 60, 100],
    [[7, 7, 7, 100], 7, 100],
  ])('%j → median %s, p90 %s', (values, median, p90) => {
    expect(quantilesOfValues(values)).toEqual({ count: values.length, median, p90 });
  });

  it('value→count maps give the same answer as the plain list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 }), (values) => {
        const dist = new Map<number, number>();
        for (const v of values) dist.set(v, (dist.get(v) ?? 0) + 1);
        expect(quantilesOfCounts(dist)).toEqual(quantilesOfValues(values));
      }),
    );
  });

  it('rounds FRT to whole minutes, half up', () => {
    expect([msToMinutes(29_999), msToMinutes(30_000), msToMinutes(90_000)]).toEqual([0, 1, 2]);
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // Thursday
    ['2027-01-01', '2026-W53'], // Friday: belongs to the last week of 2026
    ['2024-12-30', '2025-W01'], // Monday of week 1 of 2025
    ['2026-11-23', '2026-W48'],
    ['2026-11-29', '2026-W48'], // Sunday ends the ISO week
  ])('%s is in %s', (day, week) => {
    expect(isoWeekOfDay(day)).toBe(week);
  });

  it('daysOfIsoWeek inverts isoWeekOfDay', () => {
    expect(daysOfIsoWeek('2026-W48')).toEqual({ fromDay: '2026-11-23', toDay: '2026-11-29' });
    expect(daysOfIsoWeek('2026-W53')).toEqual({ fromDay: '2026-12-28', toDay: '2027-01-03' });
  });
});

describe('near-verbatim normalisation', () => {
  it.each([
    ['Hi Anna, order #12345 ships today!', 'Anna Smith', 'Hi Boris, order #999 ships today', 'Boris'],
    ['Здравствуйте, Мария! Заказ 123 уже в пути.', 'Мария', 'здравствуйте, Фёдор, заказ 77 уже в пути', 'Фёдор'],
    ['王伟，您好！订单123已发货。', '王伟', '李娜，您好！订单456已发货。', '李娜'],
    ['Thanks @anna_k see https://x.co/a', '', 'thanks @bob see https://x.co/zzz', ''],
  ])('%s ≈ %s', (a, authorA, b, authorB) => {
    expect(normaliseReplyText(a, authorA)).toBe(normaliseReplyText(b, authorB));
    expect(replyTextHash(a, authorA)).toBe(replyTextHash(b, authorB));
  });

  it.each([
    ['Your refund is approved', 'Your refund is declined'],
    ['Заказ отправлен', 'Заказ отменён'],
    ['订单已发货', '订单已取消'],
  ])('%s ≠ %s', (a, b) => {
    expect(normaliseReplyText(a)).not.toBe(normaliseReplyText(b));
  });
});
