/** Templates tab and composer writes: templates, use counts, tone notes and tone rules. */
import type { ReplylineDb } from '../db/db';
import { bumpTemplateUse, deleteTemplate, deleteToneNote, DuplicateShortCodeError, saveTemplate, saveToneNote, saveToneRules } from '../db/templates';
import { handle } from '../messages';

export function registerTemplateHandlers(db: ReplylineDb): void {
  handle('templateSave', async (template) => {
    try {
      await saveTemplate(db, template);
      return { ok: true };
    } catch (error) {
      // A taken short code is an answer for the form, not a failure of the message.
      if (error instanceof DuplicateShortCodeError) return { ok: false, error: 'duplicateCode' };
      throw error;
    }
  });
  handle('templateDelete', async ({ id }) => {
    await deleteTemplate(db, id);
    return { ok: true };
  });
  handle('templateUsed', async ({ ids }) => {
    await bumpTemplateUse(db, ids);
    return { ok: true };
  });
  handle('toneNoteSave', async (note) => {
    await saveToneNote(db, note);
    return { ok: true };
  });
  handle('toneNoteDelete', async ({ id }) => {
    await deleteToneNote(db, id);
    return { ok: true };
  });
  handle('toneRulesSave', async ({ brandId, toneRules }) => {
    await saveToneRules(db, brandId, toneRules);
    return { ok: true };
  });
}
