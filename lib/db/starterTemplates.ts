/**
 * Seeds the starter templates (lib/templates/starter.ts) once, with the install's first brand.
 * Once: only while no template exists at all, so a shop that removed or rewrote them, or brought
 * its own, never gets them back.
 */
import { starterTemplates, type StarterLanguage } from '../templates/starter';
import type { ReplylineDb } from './db';

export async function seedStarterTemplates(db: ReplylineDb, language: StarterLanguage, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.templates, async () => {
    if ((await db.templates.count()) > 0) return 0;
    const templates = starterTemplates(language, now);
    await db.templates.bulkPut(templates);
    return templates.length;
  });
}
