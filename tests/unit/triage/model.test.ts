import { describe, expect, it } from 'vitest';
import { asWritten, decodeModel, predictComplaint } from '../../../lib/triage/model/classifier';
import { detectLanguage } from '../../../lib/triage/model/lang';
import { buildModel, DEFAULT_OPTIONS, featurise, serialiseModel, trainWeights, type Example } from '../../../lib/triage/model/train';
import { COMPLAINT_MODEL } from '../../../lib/triage/model/weights';

describe('shipped complaint model', () => {
  it.each([
    ["nortwind cofee STILL hasn't refunded me. 3 weeks. unbelievable"],
    ['我的订单还没到'],
    ['帐篷杆断了'],
    ['@acme my order never arrived and nobody answers the phone'],
    ['Заказ до сих пор не пришел, уже две недели жду'],
    ['charged twice for one ticket?'],
  ])('%s → complaint', (text) => {
    expect(predictComplaint(text).complaint).toBe(true);
  });

  it.each([
    ['@acme thank you, the new blender is lovely'],
    ['Just picked up my order, the staff were so friendly'],
    ['What time do you open on Sunday?'],
    ['Спасибо, всё пришло вовремя, очень довольна'],
    ['包装很好，物流很快，非常满意'],
    ['Looking forward to the concert tonight with friends'],
  ])('%s → not a complaint', (text) => {
    expect(predictComplaint(text).complaint).toBe(false);
  });

  it('names the words that made it a complaint, as they appear in the post', () => {
    const p = predictComplaint("nortwind cofee STILL hasn't refunded me. 3 weeks. unbelievable");
    expect(p.drivers.length).toBeGreaterThan(0);
    for (const d of p.drivers) expect("nortwind cofee STILL hasn't refunded me. 3 weeks. unbelievable").toContain(d);
    expect(p.drivers).toContain('refunded');
  });

  it.each([
    ["nortwind cofee STILL hasn't refunded me", 'hasnt', "hasn't"],
    ['STILL waiting', 'still', 'STILL'],
    ['sooooo slow', 'soo', 'sooooo'],
    ['我的订单还没到', '还没', '还没'],
    ['no such word here', 'refund', 'refund'],
  ])('shows a driver as %s spells it', (raw, term, shown) => {
    expect(asWritten(raw, term)).toBe(shown);
  });

  it('keeps Chinese drivers to short phrases of the post', () => {
    const p = predictComplaint('我的订单还没到');
    expect(p.drivers.every((d) => d.length <= 3 && '我的订单还没到'.includes(d))).toBe(true);
  });

  it('gives a probability in 0..1 that rises with grievance', () => {
    const calm = predictComplaint('my order arrived today');
    const upset = predictComplaint('my order still has not arrived after 3 weeks, where is my refund?');
    expect(calm.probability).toBeGreaterThanOrEqual(0);
    expect(upset.probability).toBeLessThanOrEqual(1);
    expect(upset.probability).toBeGreaterThan(calm.probability);
  });

  it('ships compact weights (≤ 2 MB)', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(COMPLAINT_MODEL)).length;
    expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(atob(COMPLAINT_MODEL.weights).length).toBe(1 << COMPLAINT_MODEL.bits);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['my order is late', 'en'],
    ['заказ опять задерживается', 'ru'],
    ['我的订单还没到', 'zh'],
    ['@acme 我的 order 还没到', 'zh'],
    ['@acme заказ не пришел, order #123', 'ru'],
    ['el pedido todavía no ha llegado', 'other'],
    ['', 'other'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('scores a mixed-language post with the cues of both', () => {
    expect(predictComplaint('@acme 订单还没到, still waiting for my refund').complaint).toBe(true);
  });
});

describe('training', () => {
  // Written for this test: a tiny set where "late"/"broken"/"опять"/"坏了" mark complaints.
  const texts: [string, boolean][] = [
    ['my parcel is late again', true],
    ['the lamp arrived broken', true],
    ['still no refund after two weeks', true],
    ['заказ опять задерживается', true],
    ['手机坏了，还没修好', true],
    ['lovely lamp, thanks', false],
    ['parcel arrived early, great', false],
    ['спасибо, всё отлично', false],
    ['很好，谢谢', false],
    ['see you at the shop tomorrow', false],
  ];
  const examples: Example[] = texts.map(([text, complaint]) => ({ text, complaint, weight: 1 }));
  const options = { ...DEFAULT_OPTIONS, bits: 12, epochs: 20 };
  const build = (): string => {
    const data = featurise(examples, options.bits);
    return serialiseModel(buildModel(trainWeights(data, options), options.bits, data), 'test');
  };

  it('gives the same bytes on every run', () => {
    expect(build()).toBe(build());
  });

  it('learns the training set', () => {
    const data = featurise(examples, options.bits);
    const model = decodeModel(buildModel(trainWeights(data, options), options.bits, []));
    for (const [text, complaint] of texts) expect(predictComplaint(text, undefined, model).complaint).toBe(complaint);
  });
});
