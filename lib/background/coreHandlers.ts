/** Handlers for the page → queue flow, brands and settings. */
import { deleteBrand, saveBrand, saveSettings } from '../db/brands';
import { seedStarterTemplates } from '../db/starterTemplates';
import { starterLanguage } from '../templates/starter';
import type { ReplylineDb } from '../db/db';
import { ingestPosts } from '../db/ingest';
import { resolvePostKey } from '../db/aliases';
import { setQueueState, wakeSnoozed } from '../db/queue';
import { handle } from '../messages';
import { classifyHonouringLinks } from '../db/customerLinks';
import { recordPageHealth, forgetTab } from '../db/pageHealth';
import { loadDemoData } from '../db/demo';
import { adapterFor } from '../sites';
import { badgeLabels } from '../pipeline/badgeLabels';
import { pageVerdict } from '../pipeline/pageVerdict';
import { teamNotify } from './teamHandlers';
import { firefoxToolbarApi, revealInSidebar } from './firefoxSidebar';
import { i18n } from '#i18n';

export function registerCoreHandlers(db: ReplylineDb): void {
  handle('badgeLabelsGet', async () => badgeLabels());

  handle('postsSeen', async (data, sender) => {
    const now = Date.now();
    // The service worker may have slept through the wake-up timer: catch up on snoozed items.
    await wakeSnoozed(db, now).catch((error: unknown) => console.warn('Replyline: waking snoozed items failed', error));
    const verdicts = await ingestPosts(db, data.posts, classifyHonouringLinks(now), now);
    // Team mode: new items go to the team's queue (a no-op without a team; never blocks the page).
    void teamNotify.queued(db, verdicts.filter((v) => v.queued).map((v) => v.key)).catch((error: unknown) => console.warn('Replyline team: sighting not queued', error));
    if (sender.tabId !== undefined) {
      await recordPageHealth(db, {
        tabId: sender.tabId,
        page: data.page,
        candidates: data.candidates,
        recognised: data.recognised,
        extractionFailures: data.extractionFailures,
        matched: verdicts.filter((v) => v.matched && !v.own).length,
        now,
      });
    }
    // The page parses its answer on its main thread: only what it acts on goes back.
    return { verdicts: verdicts.map(pageVerdict) };
  });

  // Badges name the key the page shows, which may be another key of a post filed earlier.
  handle('queueAdd', async ({ key: shown }) => {
    const key = await resolvePostKey(db, shown);
    const post = await db.posts.get(key);
    if (!post) throw new Error(`Unknown post ${key}`);
    await ingestPosts(db, [post], classifyHonouringLinks(), Date.now(), new Set([key]));
    await teamNotify.queued(db, [key]);
    return { ok: true };
  });

  handle('openInPanel', async ({ key: shown }, sender) => {
    const key = await resolvePostKey(db, shown);
    const post = await db.posts.get(key);
    if (post && !(await db.queue.get(key))) await ingestPosts(db, [post], classifyHonouringLinks(), Date.now(), new Set([key]));
    await saveSettings(db, { focusKey: key });
    if (import.meta.env.FIREFOX) {
      const opened = await revealInSidebar(firefoxToolbarApi(browser), sender.tabId, i18n.t('badge.toolbarHint'));
      return { ok: true, opened };
    }
    if (sender.tabId === undefined) return { ok: true, opened: false };
    await chrome.sidePanel.open({ tabId: sender.tabId });
    return { ok: true, opened: true };
  });

  handle('queueSetState', async (change) => {
    await setQueueState(db, change);
    await teamNotify.stateChanged(db, change);
    return { ok: true };
  });

  handle('brandSave', async (brand) => {
    const first = (await db.brands.count()) === 0;
    await saveBrand(db, brand);
    // A new shop starts with a few good replies in its own language, not an empty list.
    if (first) await seedStarterTemplates(db, starterLanguage(browser.i18n.getUILanguage()));
    return { ok: true };
  });

  handle('brandDelete', async ({ id }) => {
    await deleteBrand(db, id);
    return { ok: true };
  });

  handle('demoLoad', async () => {
    await loadDemoData(db);
    return { ok: true };
  });

  handle('settingsSave', async (patch) => {
    await saveSettings(db, patch);
    return { ok: true };
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(db, tabId);
  });
  // Tab ids are reused after a browser restart: old warnings would point at the wrong tabs.
  browser.runtime.onStartup.addListener(() => {
    void db.pageHealth.clear();
  });
  // A tab that leaves the three sites can't be "unreadable" any more: drop its warning.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (leftTheSites(change, tab)) void forgetTab(db, tabId);
  });
}

/**
 * Without the `tabs` permission the browser shows a tab's URL only while it is on one of the three
 * sites (host permissions), so a tab that starts loading a page whose URL we cannot see has left them.
 */
export function leftTheSites(change: { status?: string; url?: string }, tab: { url?: string }): boolean {
  if (change.url === undefined && change.status !== 'loading') return false;
  const url = change.url ?? tab.url;
  return url === undefined || !adapterFor(url);
}
