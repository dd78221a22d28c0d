import { describe, expect, it } from 'vitest';
import { detectNoise } from '../../../lib/triage/noise';
import { NOISE_RULES } from '../../../lib/triage/rules';
import { tokenize } from '../../../lib/triage/text';

const check = (text: string, opts: { author?: string; needsHelp?: boolean } = {}) =>
  detectNoise({ text, tokens: tokenize(text), authorHandle: opts.author ?? 'someone', brandHandles: ['acme', 'acmehelp'], needsHelp: opts.needsHelp ?? false });

describe('noise rules', () => {
  // Each rule: a post it must catch and a near miss it must leave alone.
  it.each([
    ['giveaway', 'RT to win a free @acme blender!', 'I retweeted your post about the new store'],
    ['giveaway', 'Розыгрыш! Подпишись на @acme', 'Розетка от @acme сгорела'],
    ['giveaway', '转发抽奖 @acme', '转发给朋友了 @acme'],
    ['coupon', 'Use code SAVE20 at @acme', 'I used the app from @acme'],
    ['coupon', 'Промокод на скидку @acme', 'Код заказа 123 @acme'],
    ['promotion', 'Shop now! Limited time offer at @acme', 'I shopped at @acme yesterday'],
    ['affiliate', 'Great deal on @acme https://amzn.to/3xYz', 'My @acme order https://acme.com/orders/1'],
    ['affiliate', 'Buy @acme here https://shop.example/p?tag=me-20', 'https://acme.com/p?id=20 @acme'],
    ['cryptoFollow', '@acme follow back pls #followback', '@acme I follow your account'],
    ['cryptoFollow', 'Free airdrop 0x52908400098527886E0F7030069857D2E4169EE7 @acme', 'Order 0x12 @acme'],
    ['massMention', '@a @b @c @acme lol', '@a @b @c @acme my order has not arrived and nobody answers the phone'],
  ])('%s catches "%s" but not "%s"', (rule, positive, negative) => {
    expect(check(positive)?.rule).toBe(rule);
    expect(check(negative)).toBeUndefined();
  });

  it("flags the brand's own posts", () => {
    expect(check('We are sorry to hear that, DM us', { author: '@AcmeHelp' })).toEqual({ rule: 'ownPost', detail: '@acmehelp' });
    expect(check('We are sorry to hear that, DM us', { author: 'customer' })).toBeUndefined();
  });

  it('lets a customer who needs help through a promotion rule', () => {
    expect(check('@acme your promo code does not work', { needsHelp: true })).toBeUndefined();
    expect(check('@acme your promo code does not work', { needsHelp: false })?.rule).toBe('coupon');
  });

  it('quotes the evidence', () => {
    expect(check('Use code SAVE20 at @acme')?.detail).toBe('"Use code"');
  });

  it('every rule has a unique word id (the UI labels rules by id)', () => {
    const ids = NOISE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of NOISE_RULES) expect(r.id).toMatch(/^\w+$/);
  });

  it('respects disabled rules and survives a broken edited pattern', () => {
    const rules = [
      { id: 'custom', kind: 'pattern' as const, enabled: true, patterns: ['(unclosed', 'buy\\s+followers'] },
      { id: 'off', kind: 'pattern' as const, enabled: false, patterns: ['hello'] },
    ];
    const text = 'hello, buy followers here';
    expect(detectNoise({ text, tokens: tokenize(text), authorHandle: '', brandHandles: [], needsHelp: false }, rules)?.rule).toBe('custom');
  });
});
