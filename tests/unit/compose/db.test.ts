import { describe, expect, it } from 'vitest';
import { saveBrand } from '@/lib/db/brands';
import { bumpTemplateUse, deleteTemplate, DuplicateShortCodeError, saveTemplate, saveToneNote, saveToneRules } from '@/lib/db/templates';
import { parseMessage } from '@/lib/messages';
import { ToneRulesSchema } from '@/lib/schemas/settings';
import { TemplateSchema, type Template } from '@/lib/schemas/templates';
import { brand, freshDb } from '../support/db';

const tpl = (over: Partial<Template>): Template =>
  TemplateSchema.parse({ id: 't1', shortCode: 'late', title: 'Late', scope: 'shared', bodies: ['Hi'], createdAt: 1, updatedAt: 1, ...over });

describe('template writes', () => {
  it.each<[string, Partial<Template>, Partial<Template>, boolean]>([
    ['same code, shared, same brand', { brandId: 'a' }, { brandId: 'a' }, true],
    ['same code, case and slash differ', { shortCode: 'late' }, { shortCode: '/LATE' }, true],
    ['same code, other brand', { brandId: 'a' }, { brandId: 'b' }, false],
    ['two agents’ personal templates', { scope: 'personal', owner: 'Sam' }, { scope: 'personal', owner: 'Alex' }, false],
    ['my personal vs a shared one', { scope: 'personal', owner: 'Sam' }, {}, true],
  ])('%s → duplicate: %s', async (_name, first, second, duplicate) => {
    const db = freshDb();
    await saveTemplate(db, tpl({ id: 'a1', ...first }));
    const attempt = saveTemplate(db, tpl({ id: 'a2', ...second }));
    if (duplicate) await expect(attempt).rejects.toBeInstanceOf(DuplicateShortCodeError);
    else await expect(attempt).resolves.toMatchObject({ id: 'a2' });
    expect(await db.templates.count()).toBe(duplicate ? 1 : 2);
  });

  it('editing keeps the use count and creation time the background counted', async () => {
    const db = freshDb();
    await saveTemplate(db, tpl({ createdAt: 5 }));
    await bumpTemplateUse(db, ['t1', 't1', 'missing']);
    await saveTemplate(db, tpl({ title: 'Renamed', useCount: 0, createdAt: 99 }));
    expect(await db.templates.get('t1')).toMatchObject({ title: 'Renamed', useCount: 1, createdAt: 5 });
    await deleteTemplate(db, 't1');
    expect(await db.templates.count()).toBe(0);
  });

  it('rejects an invalid template before writing', async () => {
    const db = freshDb();
    await expect(saveTemplate(db, { ...tpl({}), bodies: [] })).rejects.toThrow();
    expect(() => parseMessage('templateSave', { ...tpl({}), shortCode: '' })).toThrow();
    expect(await db.templates.count()).toBe(0);
  });

  it('tone rules: blocking only what is enabled; tone notes parsed', async () => {
    const db = freshDb();
    await saveBrand(db, brand());
    await saveToneRules(db, 'acme', ToneRulesSchema.parse({ enabled: ['emoji'], blocking: ['emoji', 'privateDetails'], signOff: '– Acme' }), 7);
    expect((await db.brands.get('acme'))?.toneRules).toMatchObject({ enabled: ['emoji'], blocking: ['emoji'], signOff: '– Acme' });
    expect((await db.brands.get('acme'))?.updatedAt).toBe(7);
    await expect(saveToneRules(db, 'nope', {})).rejects.toThrow();
    await expect(saveToneNote(db, { id: 'n', brandId: 'acme', text: '   ', createdAt: 1 })).rejects.toThrow();
    await saveToneNote(db, { id: 'n', brandId: 'acme', text: 'Sorry once.', createdAt: 1 });
    expect(await db.toneNotes.where('brandId').equals('acme').count()).toBe(1);
  });
});
