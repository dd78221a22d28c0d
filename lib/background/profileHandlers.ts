/** Handlers for what the content script learns about authors (follower counts, verified). */
import { recordAuthorStats } from '../db/authors';
import type { ReplylineDb } from '../db/db';
import { handle } from '../messages';

export function registerProfileHandlers(db: ReplylineDb): void {
  handle('profileStatsSeen', async ({ site, stats }) => {
    const written = await recordAuthorStats(db, site, stats, Date.now());
    return { ok: true, written };
  });
}
