/**
 * Asking for a card's details in public is the risk; saying a refund went to the card is not.
 * Both, in the three languages the checks know.
 */
import { describe, expect, it } from 'vitest';
import { ToneRulesSchema } from '../../../lib/schemas/settings';
import { checkTone } from '../../../lib/tone';

const rules = ToneRulesSchema.parse({ enabled: ['privateDetails'] });
const flagged = (text: string) =>
  checkTone(text, { rules, postIsComplaint: false, enabled: ['privateDetails'] })
    .filter((f) => f.check === 'privateDetails')
    .map((f) => text.slice(f.start, f.end));

describe('privateDetails: cards', () => {
  it.each<[string, string, string[]]>([
    // Mentions: a refund or a charge on the customer's card asks for nothing.
    ['en', 'We have refunded £24.99 to your card.', []],
    ['en', 'The refund is on its way back to your credit card and should show in 3–5 days.', []],
    ['en', 'Your card was not charged twice, only once.', []],
    ['ru', 'Мы вернули £24.99 на вашу карту.', []],
    ['ru', 'Деньги поступят на вашу банковскую карту в течение 5 дней.', []],
    ['zh', '我们已将 £24.99 退还到您的银行卡。', []],
    ['zh', '退款会在3-5天内退回您的信用卡。', []],
    // Requests: the card's details, in public.
    ['en', 'Please reply with your card number so we can check.', ['your card number']],
    ['en', 'Can you send us your card so we can look into it?', ['send us your card']],
    ['en', 'What are the last 4 digits of your card?', ['digits of your card']],
    ['en', 'And the CVV please.', ['CVV']],
    ['ru', 'Напишите номер вашей карты, пожалуйста.', ['номер вашей карты']],
    ['ru', 'Пришлите вашу карту и срок действия карты.', ['Пришлите вашу карту', 'срок действия карты']],
    ['zh', '请提供您的银行卡号。', ['银行卡号']],
    ['zh', '请告诉我们卡的安全码。', ['卡的安全码']],
  ])('%s: %s', (_lang, text, expected) => {
    expect(flagged(text)).toEqual(expected);
  });
});
