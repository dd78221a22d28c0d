/** Team-lead review: importing log bundles and editing team goals (the background is the only writer). */
import type { ReplylineDb } from '../db/db';
import { deleteGoal, saveGoal } from '../db/goals';
import { importBundles, type ImportFile, type ImportFileResult } from '../db/review';
import { UploadParts } from '../review/upload';
import { handle } from '../messages';

export function registerReviewHandlers(db: ReplylineDb): void {
  const uploads = new UploadParts();
  handle('reviewUploadPart', async ({ uploadId, index, text }) => {
    uploads.add(uploadId, index, text);
    return { ok: true };
  });

  handle('reviewImport', async ({ files }) => {
    const ready: ImportFile[] = [];
    const lost: ImportFileResult[] = [];
    for (const f of files) {
      if ('text' in f) ready.push(f);
      else {
        const text = uploads.take(f.uploadId, f.parts);
        if (text === undefined) lost.push({ name: f.name, ok: false, error: { code: 'uploadLost', message: `${f.parts} parts expected`, issues: [] } });
        else ready.push({ name: f.name, text });
      }
    }
    const result = ready.length > 0 ? await importBundles(db, ready) : { files: [], added: 0, updated: 0, unchanged: 0 };
    return { ...result, files: [...result.files, ...lost] };
  });

  handle('goalSave', async (goal) => {
    await saveGoal(db, goal);
    return { ok: true };
  });

  handle('goalDelete', async ({ id }) => {
    await deleteGoal(db, id);
    return { ok: true };
  });
}
