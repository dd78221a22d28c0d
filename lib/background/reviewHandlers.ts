/** Team-lead review: importing log bundles and editing team goals (the background is the only writer). */
import type { ReplylineDb } from '../db/db';
import { deleteGoal, saveGoal } from '../db/goals';
import { importBundles } from '../db/review';
import { handle } from '../messages';

export function registerReviewHandlers(db: ReplylineDb): void {
  handle('reviewImport', async ({ files }) => importBundles(db, files));

  handle('goalSave', async (goal) => {
    await saveGoal(db, goal);
    return { ok: true };
  });

  handle('goalDelete', async ({ id }) => {
    await deleteGoal(db, id);
    return { ok: true };
  });
}
