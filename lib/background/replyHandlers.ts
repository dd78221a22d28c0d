/**
 * Reply flow handlers. `replyInsert` (panel) is forwarded as `insertReply` to the tab that shows
 * the post: tabs whose URL is the post's first, then the active tab, then every other site tab;
 * a document without the editor script gets its site's one first; a tab without the post answers
 * `noPost` and the next is tried. The panel's template context
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
import { SITE_MATCH_PATTERNS, adapterFor } from '../sites/registry';
import { editorScriptFile } from '../sites/editors';
import { settleReplyTime } from '../sites/postTime';
import { siteOfKey } from '../schemas/primitives';


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

/** What trying the tabs needs from the browser; tests pass a stub. */
export interface InsertionApi {
  /** Runs the editor script file in the tab's top frame. */
  inject(tabId: number, file: string): Promise<void>;
  /** Sends this insertion's `insertReply` to the tab; rejects when nothing there answers it. */
  send(tabId: number): Promise<InsertResult>;
}

/**
 * Asks the tab to insert. Content scripts do not carry the editor: a document that has none yet
 * (nothing answers) gets its site's editor script injected once, then is asked again; later
 * insertions into the same document find it there. Undefined when the tab cannot take part.
 */
async function insertInTab(api: InsertionApi, tabId: number, file: string): Promise<InsertResult | undefined> {
  try {
    return await api.send(tabId);
  } catch {
    // No editor in this document yet (or one left behind by an update, which no longer answers).
  }
  try {
    await api.inject(tabId, file);
  } catch (error) {
    // A page the browser will not script (an error page, a tab still loading another site).
    console.warn(`Replyline: could not load the editor into tab ${tabId}`, error);
    return undefined;
  }
  try {
    return await api.send(tabId);
  } catch {
    // The page went away or navigated between the injection and the message.
    return undefined;
  }
}

/**
 * Tries the tabs in `orderTabs` order. A tab that cannot be scripted or does not answer is skipped,
 * as one without the post is; none left → `noTab` (or the last `noPost`).
 */
export async function insertInTabs(api: InsertionApi, tabs: readonly TabLike[], postUrl: string | undefined): Promise<InsertResult> {
  const urls = new Map(tabs.map((t) => [t.id, t.url]));
  let last: InsertResult | undefined;
  for (const tabId of orderTabs(tabs, postUrl)) {
    const url = urls.get(tabId);
    const adapter = url === undefined ? undefined : adapterFor(url);
    if (!adapter) continue;
    const result = await insertInTab(api, tabId, editorScriptFile(adapter.site));
    if (!result) continue;
    if (result.reason === 'noPost') {
      last = result;
      continue;
    }
    return result;
  }
  return last ?? { ok: false, strategy: 'none', verified: false, postEnabled: null, reason: 'noTab' };
}

function browserInsertionApi(send: InsertionApi['send']): InsertionApi {
  return {
    inject: async (tabId, file) => {
      await browser.scripting.executeScript({ target: { tabId }, files: [file] });
    },
    send,
  };
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
    return insertInTabs(browserInsertionApi((tabId) => sendMessage('insertReply', payload, tabId)), tabs, post?.url);
  });

  handle('replySent', async (data) => {
    const result = await recordReplySent(db, data);
    if (result.written) await teamNotify.replyLogged(result.entry);
    return { ok: true, written: result.written, entryId: 'entry' in result ? result.entry.id : undefined };
  });

  handle('brandRepliesSeen', async ({ key, replies }) => {
    await recordBrandReplies(db, await resolvePostKey(db, key), replies.map((reply) => settleReplyTime(siteOfKey(key), reply)));
    return { ok: true };
  });

  handle('brandHandlesGet', async () => {
    const brands = await db.brands.toArray();
    return { handles: [...new Set(brands.flatMap((b) => b.handles))] };
  });
}
