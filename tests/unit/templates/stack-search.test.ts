import { describe, expect, it } from 'vitest';
import { TemplateSchema, type Template } from '../../../lib/schemas/templates';
import { searchTemplates, stackSnippets } from '../../../lib/templates';

describe('stackSnippets', () => {
  it.each([
    [['Hi Anna,', 'Your refund is on its way.', '^JD'], 'Hi Anna, Your refund is on its way. ^JD'],
    [['Hi Anna!', 'Hello there, your refund is on its way.'], 'Hi Anna! Your refund is on its way.'],
    [['Hi Anna!', 'Hi!'], 'Hi Anna!'],
    [['  ', 'One.', '', 'Two.'], 'One. Two.'],
    [['Hi Anna,\nthanks for waiting.', 'Steps:\n1. Open the app'], 'Hi Anna,\nthanks for waiting.\n\nSteps:\n1. Open the app'],
    [['您好！', '您好，退款已处理。', '祝好'], '您好！退款已处理。祝好'],
    [['Здравствуйте, Анна!', 'Здравствуйте! Возврат оформлен.'], 'Здравствуйте, Анна! Возврат оформлен.'],
    [['Thanks for your patience.', 'Hi again'], 'Thanks for your patience. Hi again'],
    [[], ''],
    [['Hi Anna,', 'Hey we fixed it. Thanks!'], 'Hi Anna, We fixed it. Thanks!'], // never drops a sentence
  ])('%j', (parts, expected) => {
    expect(stackSnippets(parts)).toBe(expected);
  });
});

const t = (id: string, shortCode: string, title: string, bodies: string[], extra: Partial<Template> = {}): Template =>
  TemplateSchema.parse({ id, shortCode, title, scope: 'shared', bodies, createdAt: 0, updatedAt: 0, ...extra });

const all = [
  t('1', 'ref', 'Refund policy', ['Refunds take 5–7 days.']),
  t('2', 'refship', 'Shipping refund', ['We refund shipping.'], { useCount: 9 }),
  t('3', 'delay', 'Delivery delay', ['Sorry your refund parcel is late.']),
  t('4', 'возврат', 'Возврат денег', ['Деньги вернутся за 5 дней.'], { tags: ['деньги'] }),
  t('5', 'tk', '退款说明', ['您的退款将在七天内到账。']),
  t('6', 'thanks', 'Thank you', ['Thanks for the kind words!'], { tags: ['praise'] }),
];
const ids = (q: string) => searchTemplates(all, q).map((h) => h.template.id);

describe('searchTemplates', () => {
  it.each([
    ['/ref', ['1', '2']], // exact code first, then prefix
    ['/REFS', ['2']],
    ['/del', ['3']],
    ['/xyz', []],
    ['ref', ['1', '2', '3']], // code exact, code prefix, then body text
    ['refund', ['1', '2', '3']],
    ['delivery', ['3']],
    ['возв', ['4']],
    ['ДЕНЬГИ', ['4']],
    ['деньги вернутся', ['4']],
    ['退款', ['5']],
    ['七天', ['5']],
    ['praise', ['6']],
    ['refund late', ['3']],
    ['ｒｅｆｕｎｄ ｐｏｌｉｃｙ', ['1']], // full-width input folds to ASCII
  ])('%s', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('an empty query lists the most used first', () => {
    expect(ids('  ')[0]).toBe('2');
    expect(ids('')).toHaveLength(all.length);
  });
});
