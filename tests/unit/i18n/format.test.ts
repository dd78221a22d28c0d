/**
 * Plural forms (Russian has three, Chinese one), money in the customer's currency, durations via
 * Intl.DurationFormat when the platform has it, and reason details worded from their facts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { formatDateTime, formatDuration, formatFixed, formatMoney, formatRelative, pickPlural, pluralCategories } from '@/lib/i18n/format';
import { reasonDetail } from '@/lib/pipeline/reasonDetail';
import { scorePost } from '@/lib/triage/score';
import { brand } from '../support/db';
import { catalogue, localeGetMessage } from '../support/i18n';

const RU = 'один | несколько | много | дробь';

describe('pickPlural', () => {
  it.each([
    [1, 'en', 'one'], [0, 'en', 'many'], [2, 'en', 'many'], [21, 'en', 'many'],
    [1, 'ru', 'один'], [21, 'ru', 'один'], [2, 'ru', 'несколько'], [24, 'ru', 'несколько'], [5, 'ru', 'много'], [11, 'ru', 'много'], [12, 'ru', 'много'], [0, 'ru', 'много'], [1.5, 'ru', 'дробь'],
    [1, 'zh-CN', '个'], [7, 'zh-CN', '个'],
  ])('%s in %s → %s', (n, locale, form) => {
    const forms = locale === 'ru' ? RU : locale === 'en' ? 'one | many' : '个';
    expect(pickPlural(forms, n, locale)).toBe(form);
  });
});

describe('decimals, dates and times ago in the interface language', () => {
  it.each([
    [-0.625, 'en', '-0.63'], [-0.625, 'ru', '-0,63'], [0.5, 'zh-CN', '0.50'], [12, 'ru', '12,00'],
  ])('%s with 2 digits in %s → %s', (n, locale, text) => {
    expect(formatFixed(n, 2, locale).replace('\u2212', '-')).toBe(text);
  });

  it.each([
    ['en', /^Dec 7, 2026, 2:54\sPM$/], ['ru', /^7 дек\. 2026 г\., 14:54$/], ['zh-CN', /^2026年12月7日 14:54$/],
  ])('a date and time in %s', (locale, shape) => {
    expect(formatDateTime(Date.UTC(2026, 11, 7, 14, 54), locale, 'UTC')).toMatch(shape);
  });

  it.each([
    ['en', -20, '20 min. ago'], ['ru', -20, '20 мин. назад'], ['zh-CN', -20, '20分钟前'], ['ru', -120, '2 ч назад'],
  ])('%s: %s min → %s', (locale, min, text) => {
    expect(formatRelative(min * 60_000, locale)).toBe(text);
  });
});

describe('plural messages in the catalogues', () => {
  const LOCALE_TAG: Record<string, string> = { en: 'en', ru: 'ru', zh_CN: 'zh-CN' };
  const plurals = [...catalogue('en')].filter(([, v]) => v.includes(' | ')).map(([k]) => k);

  it('exist', () => expect(plurals.length).toBeGreaterThan(10));

  it.each(['en', 'ru', 'zh_CN'])('%s lists each plural message in all its forms (or one invariant form)', (locale) => {
    const cat = catalogue(locale);
    const forms = pluralCategories(LOCALE_TAG[locale] ?? locale).length;
    const wrong = plurals.filter((k) => {
      const n = (cat.get(k) ?? '').split(' | ').length;
      return n !== forms && n !== 1;
    });
    expect(wrong).toEqual([]);
    if (locale === 'ru') expect(plurals.filter((k) => (cat.get(k) ?? '').split(' | ').length === 4).length).toBeGreaterThan(5);
  });
});

describe('formatMoney', () => {
  it.each([
    [389.5, 'GBP', 'en', '£389.50'],
    [1204.5, 'GBP', 'en', '£1,204.50'],
    [389.5, 'GBP', 'ru', '389,50\u00a0£'],
    [560, 'CNY', 'zh-CN', '¥560.00'],
    [12, '', 'en', '12'],
    [12.5, 'XX1', 'en', '12.50 XX1'],
  ])('%s %s in %s → %s', (amount, currency, locale, text) => expect(formatMoney(amount, currency, locale)).toBe(text));
});

describe('formatDuration', () => {
  afterEach(() => {
    Reflect.deleteProperty(Intl, 'DurationFormat');
  });

  it('uses Intl.DurationFormat when the platform has it', () => {
    const seen: unknown[] = [];
    Reflect.set(Intl, 'DurationFormat', class {
      constructor(readonly locale: string) {}
      format(d: unknown) {
        seen.push(d);
        return `DF(${this.locale})`;
      }
    });
    expect(formatDuration(70, 'ru')).toBe('DF(ru)');
    expect(seen).toEqual([{ hours: 1, minutes: 10 }]);
  });

  it.each([
    [70, 'ru', '1 ч 10 мин'],
    [1500, 'zh-CN', '1天 1小时'],
    [45, 'en', '45 min'],
  ])('falls back to unit formatting: %s min in %s → %s', (min, locale, text) => expect(formatDuration(min, locale)).toBe(text));
});

describe('reason details from facts', () => {
  const customer = { code: 'customer', detail: 'Jane Doe, 2 orders, 389.50 spent', facts: { name: 'Jane Doe', orders: 2, spent: 389.5, currency: 'GBP' } };

  it.each([
    ['ru', customer, 'Jane Doe, 2 заказа, потрачено 389,50\u00a0£'],
    ['ru', { ...customer, facts: { orders: 5 } }, '5 заказов'],
    ['ru', { ...customer, facts: { orders: 1 } }, '1 заказ'],
    ['en', { ...customer, facts: { orders: 1 } }, '1 order'],
    ['en', customer, 'Jane Doe, 2 orders, £389.50 spent'],
    ['zh_CN', customer, 'Jane Doe，2 个订单，消费 £389.50'],
    ['en', { code: 'influence', detail: '1 replies', facts: { replies: 1 } }, '1 reply'],
    ['ru', { code: 'influence', detail: '', facts: { followers: 12_300, verified: true, replies: 2 } }, '12,3\u00a0тыс. подписчиков, подтверждённый аккаунт, 2 ответа'],
    ['ru', { code: 'overdue', detail: '', facts: { waitingMin: 70, targetMin: 60, overdue: true } }, 'ждёт 1 ч 10 мин (норма 1 ч), просрочено'],
    ['ru', { code: 'complaint', detail: '"worst"' }, '"worst"'],
    // Triage writes its score with a decimal point; the post's words after it stay as written.
    ['ru', { code: 'complaint', detail: '0.86: "refunded", "1.5 weeks"' }, '0,86: "refunded", "1.5 weeks"'],
    ['en', { code: 'complaint', detail: '0.86: "refunded"' }, '0.86: "refunded"'],
    ['ru', { code: 'complaint', detail: '1.00' }, '1,00'],
    ['ru', { code: 'sentiment', detail: '-0.79: "Worst", "#refund"' }, '-0,79: "Worst", "#refund"'],
    ['zh_CN', { code: 'sentiment', detail: '-0.79: "差"' }, '-0.79: "差"'],
    ['ru', { code: 'question', detail: '2.5: "?"' }, '2.5: "?"'],
  ])('%s: %j', (locale, reason, text) => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage(locale));
    expect(reasonDetail(reason)).toBe(text);
  });

  it('triage records the facts, with the customer currency', () => {
    const result = scorePost(
      { text: 'my order never came', followers: 40, counts: { replies: 1 } },
      brand(),
      { now: Date.UTC(2026, 10, 23, 12), customer: { orderCount: 2, totalSpent: 389.5, name: 'Jane', currency: 'GBP' } },
    );
    expect(result.reasons.find((r) => r.code === 'customer')?.facts).toEqual({ name: 'Jane', orders: 2, spent: 389.5, currency: 'GBP' });
    expect(result.reasons.find((r) => r.code === 'influence')?.facts).toEqual({ followers: 40, replies: 1 });
  });
});
