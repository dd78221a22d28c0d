import { describe, expect, it } from 'vitest';
import { agentPhrases } from '../../../lib/triage/model/agentVoice';
import { predictComplaint } from '../../../lib/triage/model/classifier';
import { normalizeForModel } from '../../../lib/triage/model/features';
import { FIXED_WEIGHTS } from '../../../lib/triage/model/train';
import { hasNamedFeature, namedFeatureSeen } from '../support/modelFeatures';

const phrases = (raw: string, language: 'en' | 'ru' = 'en'): number => agentPhrases(normalizeForModel(raw), language);

// Written for these tests: support agents replying, and customers who say some of the same words.
describe("a company's agent replying (agentVoice.ts)", () => {
  it.each([
    ["@jenny_k We're sorry to hear that your order hasn't arrived yet. Please DM us your order number.", 2],
    ['@dan_p Hi Dan, we apologise for the inconvenience. A refund has been issued.', 1],
    ["@ash_w That's not the experience we want you to have. Please follow and DM us so we can make it right.", 2],
    ['@sam Thanks for reaching out! Which device are you on? ^KL', 2],
    ['@raj_k Sorry for the wait! What is the booking reference? /mt', 2],
    ["@holly_j We've passed this on to our delivery partner.", 1],
    // Customers: a DM they sent, a DM they want, "let us know" when it is fixed, "they were sorry".
    ['@telco I sent you a DM two days ago and nothing', 0],
    ['@telco please DM me, I have been on hold for an hour', 0],
    ['@airline let us know when the app is fixed', 0],
    ['@shop the staff were sorry but the parcel is still lost', 0],
    ['@cafe lol ^lol', 0],
    ['so sorry for the rant but my order is late again', 0],
    // Customers quoting the company's words, in quotation marks or reported.
    ['@acme all I ever get is "sorry for the inconvenience". my order is 3 weeks late', 0],
    ["@skyjet “we apologize for the delay” doesn't get me to the wedding", 0],
    ["@northtel your agent said we're looking into it on monday. still down", 0],
    // Quotation marks elsewhere hide nothing outside them.
    ['@sam sorry to hear the "Pro" plan is not loading for you, please DM us', 2],
  ])('%s → %i', (text, expected) => {
    expect(phrases(text)).toBe(expected);
  });

  it.each([
    ['@ivan_k Здравствуйте! Приносим извинения за задержку. Уточните, пожалуйста, номер заказа в личных сообщениях.', 2],
    ['@masha_p Сожалеем, что так вышло. Напишите нам в ЛС номер договора', 2],
    ['@anna_s Спасибо за обращение! Передали информацию коллегам.', 2],
    // Customers: asking the company to clarify, echoing its words, quoting its reply.
    ['@bank уточните, пожалуйста, когда вернут деньги? жду уже две недели', 0],
    ['@shop сожалеем?? вы серьезно? заказ потерян третий раз', 0],
    ['@telco мне ответили «приносим извинения, разберемся» и пропали на неделю', 0],
  ])('Russian: %s → %i', (text, expected) => {
    expect(phrases(text, 'ru')).toBe(expected);
  });

  it('is seen by the model in English and Russian', () => {
    expect(hasNamedFeature('@jenny_k sorry to hear that, please DM us', 'x:agent')).toBe(true);
    expect(hasNamedFeature('@telco I sent you a DM two days ago and nothing', 'x:agent')).toBe(false);
    expect(hasNamedFeature('@ivan приносим извинения, напишите нам в личные сообщения', 'x:agent')).toBe(true);
    expect(hasNamedFeature('@jenny 非常抱歉给您带来不便，请私信我们', 'x:agent')).toBe(false);
  });

  it('not in the extension, where the matcher found the brand named (its own replies are filtered by author)', () => {
    expect(namedFeatureSeen('@jenny_k sorry to hear that, please DM us', 'x:agent')).toEqual({ bare: true, aboutBrand: false });
  });

  it('counts against a complaint, set by hand', () => {
    expect(FIXED_WEIGHTS['x:agent']).toBeLessThan(0);
  });

  it('an agent naming the failure it answers is no complaint; the customer saying it is', () => {
    expect(predictComplaint("@jenny_k We're sorry to hear your package arrived damaged. We've sent you a DM to arrange a replacement.").complaint).toBe(false);
    expect(predictComplaint('@shopco my package arrived damaged and nobody has arranged a replacement').complaint).toBe(true);
  });
});
