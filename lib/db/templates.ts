/**
 * Templates, tone notes and a brand's tone rules: written only here, by the background, after
 * parsing. A short code must stay unique among the templates the same agent sees, otherwise `/code`
 * in the composer would be ambiguous; the check and the write share one transaction.
 */
import { BrandProfileSchema, ToneRulesSchema } from '../schemas/settings';
import { TemplateSchema, ToneNoteSchema, type Template, type ToneNote } from '../schemas/templates';
import type { ReplylineDb } from './db';

export class DuplicateShortCodeError extends Error {
  constructor(readonly shortCode: string) {
    super(`Short code /${shortCode} is already used`);
  }
}

const codeKey = (code: string): string => code.trim().replace(/^\/+/u, '').toLocaleLowerCase();

/** Would both templates show up for one agent in one brand? */
function overlaps(a: Template, b: Template): boolean {
  if (a.brandId !== undefined && b.brandId !== undefined && a.brandId !== b.brandId) return false;
  if (a.scope === 'personal' && b.scope === 'personal') return a.owner.toLocaleLowerCase() === b.owner.toLocaleLowerCase();
  return true;
}

export async function saveTemplate(db: ReplylineDb, input: unknown): Promise<Template> {
  const template = TemplateSchema.parse(input);
  return db.transaction('rw', db.templates, async () => {
    const sameCode = await db.templates.toCollection().filter((t) => codeKey(t.shortCode) === codeKey(template.shortCode)).toArray();
    if (sameCode.some((t) => t.id !== template.id && overlaps(t, template))) throw new DuplicateShortCodeError(template.shortCode);
    const existing = await db.templates.get(template.id);
    // Use counts are the background's to keep; an edit made from a stale panel must not reset them.
    const next = existing ? { ...template, useCount: Math.max(existing.useCount, template.useCount), createdAt: existing.createdAt } : template;
    await db.templates.put(next);
    return next;
  });
}

export async function deleteTemplate(db: ReplylineDb, id: string): Promise<void> {
  await db.templates.delete(id);
}

/** Counted when a template reaches the site's reply box; search ranks used templates first. */
export async function bumpTemplateUse(db: ReplylineDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    for (const id of new Set(ids)) {
      const t = await db.templates.get(id);
      if (t) await db.templates.put({ ...t, useCount: t.useCount + 1 });
    }
  });
}

export async function saveToneNote(db: ReplylineDb, input: unknown): Promise<ToneNote> {
  const note = ToneNoteSchema.parse(input);
  await db.toneNotes.put(note);
  return note;
}

export async function deleteToneNote(db: ReplylineDb, id: string): Promise<void> {
  await db.toneNotes.delete(id);
}

export async function saveToneRules(db: ReplylineDb, brandId: string, rules: unknown, now = Date.now()): Promise<void> {
  const toneRules = ToneRulesSchema.parse(rules);
  await db.transaction('rw', db.brands, async () => {
    const brand = await db.brands.get(brandId);
    if (!brand) throw new Error(`Unknown brand ${brandId}`);
    // Blocking a check that is off would never fire; keep the two lists consistent.
    const blocking = toneRules.blocking.filter((c) => toneRules.enabled.includes(c));
    await db.brands.put(BrandProfileSchema.parse({ ...brand, toneRules: { ...toneRules, blocking }, updatedAt: now }));
  });
}
