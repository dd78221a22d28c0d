/** Match evidence and import counts in the interface language, with the plural form the count takes. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { i18n } from '#i18n';
import { evidenceText } from '@/components/customers/evidence';
import { plural } from '@/lib/i18n/ui';
import { localeGetMessage } from '../support/i18n';

describe('evidenceText', () => {
  it.each([
    ['en', 'handle @jane_doe', 'X handle @jane_doe'],
    ['en', 'order #10023 shared by 2', 'order #10023 shared by 2 customers'],
    ['en', 'order #7 + name "Jane Doe"', 'order #7 + name “Jane Doe”'],
    ['en', 'conflicts with c2', 'also fits another customer'],
    ['en', 'something the matcher said once', 'something the matcher said once'],
    ['ru', 'order #10023 shared by 2', 'заказ №10023 есть у 2 клиентов'],
    ['ru', 'name "Jane" shared by 21', 'имя «Jane» есть у 21 клиента'],
    ['ru', 'email jane@example.com', 'эл. почта jane@example.com'],
    ['zh_CN', 'name "Jane" shared by 5', '姓名“Jane”由 5 位客户共用'],
    ['zh_CN', 'profileUrl https://facebook.com/jane', 'Facebook 主页 https://facebook.com/jane'],
  ])('%s: %s → %s', (locale, piece, text) => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage(locale));
    expect(evidenceText(piece)).toBe(text);
  });
});

describe('import counts', () => {
  it.each([
    ['en', 1, '1 row skipped'],
    ['en', 2, '2 rows skipped'],
    ['ru', 1, '1 строка пропущена'],
    ['ru', 3, '3 строки пропущены'],
    ['ru', 5, '5 строк пропущено'],
    ['ru', 21, '21 строка пропущена'],
    ['zh_CN', 5, '跳过 5 行'],
  ])('%s: %s skipped → %s', (locale, n, text) => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage(locale));
    expect(plural(i18n.t('customers.toSkip', [String(n)]), n)).toBe(text);
    expect(plural(i18n.t('customers.badRowsTitle', [String(n)]), n)).toBe(text);
  });
});
