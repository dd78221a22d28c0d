import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from '../../../lib/customers/identifiers';

describe('extractIdentifiers: order numbers', () => {
  it.each<[string, string[]]>([
    ['Where is my order #12345?', ['12345']],
    ['order 1001 still not here', ['1001']],
    ['Order number is 5521, please help', ['5521']],
    ['Order no. 7781 arrived broken', ['7781']],
    ['order ID: AB-1234', ['AB-1234']],
    ['my order#4410 is late', ['4410']],
    ['Orders 1001 and #1002 both missing', ['1001', '1002']],
    ['Где мой заказ №4512?', ['4512']],
    ['номер заказа 88123, верните деньги', ['88123']],
    ['по заказу № 3321 тишина', ['3321']],
    ['我的订单号 883921 还没发货', ['883921']],
    ['订单号是883921还没发货', ['883921']],
    ['订单：A-5567', ['A-5567']],
    ['訂單編號 77812', ['77812']],
    ['still waiting on #A-10023', ['A-10023']],
    ['#A-10023 and order #A-10023 again', ['A-10023']],
    ['Amazon order 113-1234567-1234567 lost', ['113-1234567-1234567']],
    ['order 2024', ['2024']],
  ])('%s', (text, expected) => {
    expect(extractIdentifiers(text).orderNumbers).toEqual(expected);
  });

  it.each<[string]>([
    ['Best purchase of 2024!'],
    ['Loved it since 2019 #2024'],
    ['Paid $1001 for this'],
    ['It cost 1 299 руб, заказал вчера'],
    ['Call me at 555-123-4567 or +1 (555) 123-4567'],
    ['https://x.com/jane/status/1234567890123456789 look at this order'],
    ['See 1234567890123456789'],
    ['#100DaysOfCode #1 fan'],
    ['new colour #FF5733 is great'],
    ['I reordered 1234 times'],
    ['order of 3 items'],
    ['&#12345; entity'],
    ['ordered 12 boxes, 2 arrived'],
    ['заказал 3 штуки'],
    ['订单很快就到了'],
    [''],
  ])('finds nothing in %s', (text) => {
    expect(extractIdentifiers(text).orderNumbers).toEqual([]);
  });
});

describe('extractIdentifiers: emails', () => {
  it.each<[string, string[]]>([
    ['Reach me at Jane.Doe@Example.com.', ['jane.doe@example.com']],
    ['emails: a@shop.io, b@shop.io; a@shop.io', ['a@shop.io', 'b@shop.io']],
    ['мой адрес ivan@почта.рф', ['ivan@почта.рф']],
    ['我的邮箱是wang@qq.com谢谢', ['wang@qq.com']],
    ['no email @jane_doe here', []],
  ])('%s', (text, expected) => {
    expect(extractIdentifiers(text).emails).toEqual(expected);
  });

  it('does not read order numbers out of emails or links', () => {
    expect(extractIdentifiers('order1234@shop.com and https://shop.com/orders/99887').orderNumbers).toEqual([]);
  });
});

describe('extractIdentifiers properties', () => {
  it('never throws and returns normalised, unique values on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^(order|заказ|订单|#)[ #№:0-9A-Z-]{0,20}$/)), (text) => {
        const { emails, orderNumbers } = extractIdentifiers(text);
        expect(new Set(orderNumbers).size).toBe(orderNumbers.length);
        for (const n of orderNumbers) expect(n).toMatch(/^(?:[A-Z]{1,4}-?)?\d+(?:-\d+)*[A-Z]?$/);
        for (const e of emails) expect(e).toBe(e.toLowerCase());
      }),
      { numRuns: 500 },
    );
  });

  it('finds any keyword-introduced order number', () => {
    fc.assert(
      fc.property(fc.constantFrom('order #', 'order ', 'заказ №', '订单号 '), fc.integer({ min: 100, max: 999_999_999 }), (prefix, n) => {
        expect(extractIdentifiers(`hi, ${prefix}${n} please`).orderNumbers).toEqual([String(n)]);
      }),
    );
  });
});
