import { describe, expect, it } from 'vitest';
import { seedStarterTemplates } from '@/lib/db/starterTemplates';
import { ToneRulesSchema } from '@/lib/schemas/settings';
import type { TemplateContext } from '@/lib/schemas/templates';
import { renderTemplate } from '@/lib/templates/render';
import { starterLanguage, starterSet, starterTemplates, type StarterLanguage } from '@/lib/templates/starter';
import { checkTone } from '@/lib/tone';
import { freshDb } from '../support/db';

const NOW = Date.UTC(2026, 11, 6, 10);
const LANGUAGES: StarterLanguage[] = ['en', 'ru', 'zh'];
const CONTEXTS: Record<string, TemplateContext> = {
  'a known customer': { customer: { name: 'Maria Petrova', firstName: 'Maria' }, agent: { name: 'Dana' }, post: { authorName: 'Maria P' } },
  'a stranger': { agent: { name: 'Dana' }, post: { authorName: 'Tom' } },
};
const cases = LANGUAGES.flatMap((lang) => starterSet(lang).flatMap((s) => Object.entries(CONTEXTS).map(([who, ctx]) => [lang, s.kind, who, s.complaint, ctx] as const)));

describe('starter templates', () => {
  it.each(cases)('%s /%s for %s renders whole and passes the default tone rules', (lang, kind, _who, complaint, context) => {
    const template = starterTemplates(lang, NOW).find((t) => t.shortCode === kind);
    if (!template) throw new Error(`no ${kind}`);
    const rendered = renderTemplate(template, 'x', context, { answers: { 'What we will do next': 'A new tent is on its way.', 'Что мы сделаем дальше': 'Мы отправим новую палатку.', '我们下一步会做什么': '我们会给您寄新的帐篷。' } });
    expect(rendered.ok).toBe(true);
    if (!rendered.ok) return;
    expect(rendered.text).toContain('Dana');
    const findings = checkTone(rendered.text, { rules: ToneRulesSchema.parse({}), postIsComplaint: complaint, language: lang });
    expect(findings).toEqual([]);
  });

  it('covers the five situations in each language, with distinct short codes', () => {
    for (const lang of LANGUAGES) {
      expect(starterTemplates(lang, NOW).map((t) => t.shortCode)).toEqual(['sorry', 'where', 'refund', 'thanks', 'dm']);
    }
  });

  it.each([['ru', 'ru'], ['ru-RU', 'ru'], ['zh-CN', 'zh'], ['zh_TW', 'zh'], ['en-GB', 'en'], ['de', 'en']])('UI language %s → %s set', (ui, expected) => {
    expect(starterLanguage(ui)).toBe(expected);
  });

  it('are seeded once: never again once templates exist, so removed ones stay removed', async () => {
    const db = freshDb();
    expect(await seedStarterTemplates(db, 'ru', NOW)).toBe(5);
    expect((await db.templates.get('starter-ru-sorry'))?.title).toBe('Извинение и следующий шаг');
    await db.templates.delete('starter-ru-sorry');
    expect(await seedStarterTemplates(db, 'ru', NOW + 1)).toBe(0);
    expect(await db.templates.get('starter-ru-sorry')).toBeUndefined();
    expect(await db.templates.count()).toBe(4);
  });
});
