import { describe, expect, it } from 'vitest';
import { ToneRulesSchema, type ToneCheckId, type ToneRules } from '../../../lib/schemas/settings';
import { ToneFindingSchema } from '../../../lib/schemas/templates';
import { checkTone, detectLanguage } from '../../../lib/tone';

const ALL: ToneCheckId[] = ['bannedPhrases', 'preferredPhrases', 'overPromising', 'greeting', 'signOff', 'emoji', 'empathy', 'privateDetails', 'repetition'];

const rules = (over: Partial<ToneRules> = {}): ToneRules => ToneRulesSchema.parse({ enabled: ALL, ...over });

/** [check, code, highlighted text] for each finding, so tests assert the exact ranges. */
function run(text: string, opts: { r?: ToneRules; complaint?: boolean; only?: ToneCheckId } = {}) {
  const findings = checkTone(text, {
    rules: opts.r ?? rules(),
    postIsComplaint: opts.complaint ?? false,
    ...(opts.only ? { enabled: [opts.only] } : {}),
  });
  for (const f of findings) expect(ToneFindingSchema.parse(f)).toEqual(f);
  return findings.map((f) => [f.check, f.code, text.slice(f.start, f.end)]);
}

describe('overPromising', () => {
  it.each([
    ['It will be fixed today for sure.', ['today for sure']],
    ['We GUARANTEE a refund, 100% — it will never happen again.', ['We GUARANTEE', '100%', 'will never happen again']],
    ['We promise this is sorted.', ['We promise']],
    ['No promises in here, sure thing.', []],
    ['Гарантируем, что заказ придёт сегодня точно.', ['Гарантируем', 'сегодня точно']],
    ['Это больше никогда не повторится.', ['больше никогда', 'не повторится']],
    ['我们保证今天一定发货。', ['保证', '今天一定']],
    ['退款100%到账', ['100%']],
    ['guaranteedly', []], // word boundary: not a listed phrase
  ])('%s', (text, expected) => {
    expect(run(text, { only: 'overPromising' }).map((f) => f[2])).toEqual(expected);
  });

  it('brand phrases add to the built-in lists', () => {
    expect(run('Ships within the hour, no doubt.', { only: 'overPromising', r: rules({ overPromisingPhrases: ['within the hour'] }) })).toEqual([
      ['overPromising', 'tone.overPromise', 'within the hour'],
    ]);
  });
});

describe('banned and preferred phrases', () => {
  const r = rules({
    bannedPhrases: ['unfortunately', 'к сожалению', '亲'],
    preferredPhrases: [{ avoid: 'issue', prefer: 'problem' }, { avoid: 'проблем*', prefer: 'вопрос' }],
  });
  it.each([
    ['Unfortunately the issue persists.', [['bannedPhrases', 'Unfortunately'], ['preferredPhrases', 'issue']]],
    ['К сожалению, проблемы с доставкой.', [['bannedPhrases', 'К сожалению'], ['preferredPhrases', 'проблемы']]],
    ['亲，您好', [['bannedPhrases', '亲']]],
    ['No issues here', []], // "issues" is not "issue"
  ])('%s', (text, expected) => {
    const got = run(text, { r }).filter((f) => f[0] === 'bannedPhrases' || f[0] === 'preferredPhrases');
    expect(got.map((f) => [f[0], f[2]])).toEqual(expected);
  });
  it('preferred findings carry the suggestion', () => {
    const f = checkTone('An issue.', { rules: r, postIsComplaint: false, enabled: ['preferredPhrases'] });
    expect(f[0]?.params).toEqual({ avoid: 'issue', prefer: 'problem' });
  });
});

describe('greeting and sign-off', () => {
  it.each([
    ['Dear customer, thanks.', [['greeting', 'tone.greetingBanned', 'Dear']]],
    ['@anna_p @acme Dear Anna, thanks.', [['greeting', 'tone.greetingBanned', 'Dear']]],
    ['Thanks, dear.', [['greeting', 'tone.greetingMissing', '']]],
    ['Hi Anna, thanks!', []],
    ['Здравствуйте, Анна!', []],
    ['您好，已处理。', []],
  ])('%s', (text, expected) => {
    expect(run(text, { only: 'greeting', r: rules({ bannedGreetings: ['dear', 'уважаемый'], greetingRequired: true }) })).toEqual(expected);
  });
  it.each([
    ['Sorted now. ^JD', []],
    ['Sorted now. ^jd!', []],
    ['Sorted now.', [['signOff', 'tone.signOffMissing', '']]],
    ['^JD sorted now', [['signOff', 'tone.signOffMissing', '']]],
  ])('sign-off %s', (text, expected) => {
    expect(run(text, { only: 'signOff', r: rules({ signOff: '^JD' }) })).toEqual(expected);
  });
  it('no sign-off rule, no finding', () => {
    expect(run('Sorted.', { only: 'signOff' })).toEqual([]);
  });
});

describe('emoji', () => {
  const text = 'Thanks 🙏🏽 we fixed it 🎉 ❤ 👨‍👩‍👧 1© ™';
  it('never: every emoji highlighted, symbols are not emoji', () => {
    expect(run(text, { only: 'emoji', r: rules({ emojiPolicy: 'never' }) }).map((f) => f[2])).toEqual(['🙏🏽', '🎉', '❤', '👨‍👩‍👧']);
  });
  it.each([
    ['noneInComplaints', true, 4],
    ['noneInComplaints', false, 0],
    ['allowed', true, 0],
  ] as const)('%s complaint=%s → %d', (emojiPolicy, complaint, n) => {
    expect(run(text, { only: 'emoji', complaint, r: rules({ emojiPolicy }) })).toHaveLength(n);
  });
});

describe('empathy', () => {
  it.each([
    ['Your order ships Monday.', true, [['empathy', 'tone.empathyMissing', '']]],
    ['Your order ships Monday.', false, []],
    ["Sorry about that! Your order ships Monday.", true, []],
    ['I understand how frustrating this is. It ships Monday.', true, []],
    ['Sorry for the delay, and sorry again — we apologise.', true, [
      ['empathy', 'tone.apologyRepeated', 'sorry'],
      ['empathy', 'tone.apologyRepeated', 'we apologise'],
    ]],
    ['Заказ отправлен.', true, [['empathy', 'tone.empathyMissing', '']]],
    ['Извините за задержку, понимаем ваше недовольство.', true, []],
    ['Извините! Простите нас, приносим извинения.', true, [
      ['empathy', 'tone.apologyRepeated', 'Простите'],
      ['empathy', 'tone.apologyRepeated', 'приносим извинения'],
    ]],
    ['订单已发货。', true, [['empathy', 'tone.empathyMissing', '']]],
    ['非常抱歉给您带来不便。', true, []],
    ['抱歉！对不起！', true, [['empathy', 'tone.apologyRepeated', '对不起']]],
  ])('%s (complaint %s)', (text, complaint, expected) => {
    expect(run(text, { only: 'empathy', complaint })).toEqual(expected);
  });
});

describe('privateDetails', () => {
  it.each([
    ['Please reply with your email and your order number.', ['your email', 'your order number']],
    ['Can you share your phone number?', ['your phone number']],
    ['What is your home address and your card number?', ['your home address', 'your card number']],
    ['Please DM us your email and order number.', []],
    ['Send your email via private message.', []],
    ['Email us at help@acme.test.', []],
    ['Пришлите ваш телефон и номер заказа.', ['ваш телефон', 'номер заказа']],
    ['Напишите номер заказа в ЛС.', []],
    ['Пришлите номер карты в личные сообщения.', []],
    ['请提供您的手机号和订单号。', ['手机号', '订单号']],
    ['请私信我们您的订单号。', []],
  ])('%s', (text, expected) => {
    const got = run(text, { only: 'privateDetails' });
    expect(got.map((f) => f[2])).toEqual(expected);
    expect(got.every((f) => f[1] === 'tone.privateDetailsInPublic')).toBe(true);
  });
});

describe('switches and blocking', () => {
  it('only enabled checks run; default rules skip banned phrases', () => {
    const r = ToneRulesSchema.parse({ bannedPhrases: ['foo'] });
    expect(checkTone('foo, guaranteed', { rules: r, postIsComplaint: false }).map((f) => f.check)).toEqual(['overPromising']);
  });
  it('blocking comes from the rules', () => {
    const r = rules({ blocking: ['overPromising'] });
    const f = checkTone('Guaranteed. Your email?', { rules: r, postIsComplaint: false });
    expect(f.map((x) => [x.check, x.blocking])).toEqual([
      ['overPromising', true],
      ['privateDetails', false],
    ]);
  });
  it('the agent override replaces the brand switches', () => {
    expect(checkTone('Guaranteed.', { rules: rules(), postIsComplaint: false, enabled: [] })).toEqual([]);
  });
  it('a phrase the regex engine rejects is skipped, not thrown', () => {
    expect(() => checkTone('x', { rules: rules({ bannedPhrases: ['\\'] }), postIsComplaint: true })).not.toThrow();
  });
  it('language narrows the lists', () => {
    expect(checkTone('保证', { rules: rules(), postIsComplaint: false, language: 'en', enabled: ['overPromising'] })).toEqual([]);
    expect(checkTone('保证', { rules: rules(), postIsComplaint: false, language: 'zh', enabled: ['overPromising'] })).toHaveLength(1);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Sorry about the delay', 'en'],
    ['Извините за задержку', 'ru'],
    ['非常抱歉', 'zh'],
    ['您好 John', 'zh'],
    ['Hi Анна, ваш заказ готов', 'ru'],
    ['١٢٣ 🙂 !!', 'other'],
    ['مرحبا', 'other'],
    ['', 'other'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
