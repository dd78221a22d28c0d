import { describe, expect, it } from 'vitest';
import { rankSuggestions, visibleTemplates } from '../../../lib/compose';
import { demoData } from '../../../lib/demo/seed';
import { TemplateSchema, type Template } from '../../../lib/schemas/templates';

const { templates } = demoData(0);
const item = (over: Partial<{ complaint: boolean; question: boolean; praise: boolean; reasonCodes: string[] }> = {}) => ({
  complaint: false,
  question: false,
  praise: false,
  reasonCodes: [],
  ...over,
});
const codes = (list: { template: Template; reasons: string[] }[]) => list.filter((s) => s.reasons.length > 0).map((s) => s.template.shortCode);

describe('rankSuggestions', () => {
  it.each([
    ['English complaint → the English apology templates', item({ complaint: true }), 'my order is late and the tent arrived broken', ['late', 'broken']],
    ['Russian complaint → the Russian one first', item({ complaint: true, reasonCodes: ['complaint'] }), 'Заказ задерживается уже неделю, где он?', ['ru-late']],
    ['Chinese complaint → the Chinese one first', item({ complaint: true }), '我的订单延误了，怎么回事', ['zh-late']],
    ['praise → thanks', item({ praise: true }), 'Love my new Summit tent, thank you!', ['thanks']],
  ])('%s', (_name, it_, text, expectedFirst) => {
    const ranked = rankSuggestions(templates, it_, text);
    expect(codes(ranked).slice(0, expectedFirst.length).sort()).toEqual([...expectedFirst].sort());
  });

  it('never suggests a template in another language for a complaint', () => {
    const ranked = rankSuggestions(templates, item({ complaint: true }), 'my order is late');
    expect(codes(ranked)).not.toContain('ru-late');
    expect(codes(ranked)).not.toContain('zh-late');
  });

  it('with no signal, every template is listed, most used first', () => {
    const used = templates.map((t) => (t.shortCode === 'thanks' ? { ...t, useCount: 9 } : t));
    const ranked = rankSuggestions(used, item(), 'hello');
    expect(ranked).toHaveLength(templates.length);
    expect(ranked[0]?.template.shortCode).toBe('thanks');
  });
});

describe('visibleTemplates', () => {
  const t = (over: Partial<Template>) =>
    TemplateSchema.parse({ id: over.shortCode, shortCode: 'x', title: 'T', bodies: ['b'], scope: 'shared', createdAt: 0, updatedAt: 0, ...over });
  const list = [
    t({ shortCode: 'mine', scope: 'personal', owner: 'Sam' }),
    t({ shortCode: 'theirs', scope: 'personal', owner: 'Alex' }),
    t({ shortCode: 'brand', brandId: 'b1' }),
    t({ shortCode: 'other-brand', brandId: 'b2' }),
    t({ shortCode: 'global' }),
  ];
  it.each([
    ['b1', 'sam', ['mine', 'brand', 'global']],
    ['b2', 'Alex', ['theirs', 'other-brand', 'global']],
    ['b1', '', ['brand', 'global']],
  ])('brand %s, agent %j', (brandId, agent, expected) => {
    expect(visibleTemplates(list, brandId, agent).map((x) => x.shortCode)).toEqual(expected);
  });
});
