/**
 * Reply flow handlers. `replyInsert` (panel) is forwarded as `insertReply` to the tab that shows
 * the post: tabs whose URL is the post's first, then the active tab, then every other site tab;
 * a tab without the post answers `noPost` and the next is tried. The panel's template context
 * travels with the insertion and comes back with `replySent` (the service worker may have been
 * stopped in between, the content script has not).
 */
import type { ReplylineDb } from '../db/db';
import { recordBrandReplies, recordReplySent } from '../db/replyLog';
import { aliasesOf, resolvePostKey } from '../db/aliases';
import { claimHeldByTeammate } from '../db/team';
import { handle, sendMessage } from '../messages';
import { teamNotify } from './teamHandlers';
import type { InsertResult } from '../schemas/replies';
import { SITE_MATCH_PATTERNS } from '../sites/registry';


interface TabLike {
  id?: number;
  url?: string;
  active?: boolean;
}

/** Tabs most likely to show `postUrl` first (pure, for tests). */
export function orderTabs(tabs: readonly TabLike[], postUrl: string | undefined): number[] {
  const score = (t: TabLike) => (postUrl && t.url === postUrl ? 2 : 0) + (t.active ? 1 : 0);
  return [...tabs]
    .filter((t): t is TabLike & { id: number } => typeof t.id === 'number')
    .sort((a, b) => score(b) - score(a))
    .map((t) => t.id);
}

/**
 * Team mode: the panel hides the reply box for a teammate's item, but the background decides.
 * A live claim held by someone else (no explicit take-over) refuses the insertion; nothing is
 * inserted or copied, and the panel names who is replying.
 */
export async function refuseForTeammate(db: ReplylineDb, key: string, now: number): Promise<InsertResult | undefined> {
  const holder = await claimHeldByTeammate(db, await resolvePostKey(db, key), now);
  if (!holder) return undefined;
  return { ok: false, strategy: 'none', verified: false, postEnabled: null, reason: 'claimed', claimedBy: holder.displayName };
}

function newInsertionId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function registerReplyHandlers(db: ReplylineDb): void {
  handle('replyInsert', async ({ key, text, templateId, renderedText, toneWarningsOverridden }) => {
    const refused = await refuseForTeammate(db, key, Date.now());
    if (refused) return refused;
    const [post, item] = await Promise.all([db.posts.get(key), db.queue.get(key)]);
    const brands = item ? [await db.brands.get(item.brandId)] : await db.brands.toArray();
    const handles = brands.flatMap((b) => b?.handles ?? []);
    const payload = {
      key,
      // The page may show the post under another of its keys (a Facebook pfbid of this page load).
      sameAs: await aliasesOf(db, key),
      text,
      insertionId: newInsertionId(),
      handles,
      context: { templateId, renderedText, toneWarningsOverridden },
    };
    const tabs = await browser.tabs.query({ url: [...SITE_MATCH_PATTERNS] });
    let last: InsertResult | undefined;
    for (const tabId of orderTabs(tabs, post?.url)) {
      try {
        const result = await sendMessage('insertReply', payload, tabId);
        if (result.reason === 'noPost') {
          last = result;
          continue;
        }
        return result;
      } catch {
        // No content script in that tab (not loaded yet, or an old tab from before install).
      }
    }
    return last ?? { ok: false, strategy: 'none', verified: false, postEnabled: null, reason: 'noTab' };
  });

  handle('replySent', async (data) => {
    const result = await recordReplySent(db, data);
    if (result.written) await teamNotify.replyLogged(result.entry);
    return { ok: true, written: result.written, entryId: 'entry' in result ? result.entry.id : undefined };
  });

  handle('brandRepliesSeen', async ({ key, replies }) => {
    await recordBrandReplies(db, await resolvePostKey(db, key), replies);
    return { ok: true };
  });

  handle('brandHandlesGet', async () => {
    const brands = await db.brands.toArray();
    return { handles: [...new Set(brands.flatMap((b) => b.handles))] };
  });
}
