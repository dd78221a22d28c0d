/**
 * The background service worker: the sole writer of Replyline's database. Content scripts and
 * panels send typed messages (lib/messages.ts); every payload is parsed before anything is written.
 */
import { i18n } from '#i18n';
import { getDb } from '@/lib/db/db';
import { watchDataMarker } from '@/lib/db/eviction';
import { registerHandlers } from '@/lib/background/handlers';
import { firefoxToolbarApi, wireFirefoxToolbar } from '@/lib/background/firefoxSidebar';
import { registerReattach } from '@/lib/background/reattach';
import { SITE_MATCH_PATTERNS } from '@/lib/sites/registry';

export default defineBackground(() => {
  // The toolbar first: a failure below must not leave the button dead.
  if (import.meta.env.FIREFOX) {
    // Firefox (MV2): browserAction toggles the sidebar (sidebar_action); there is no `action`.
    wireFirefoxToolbar(firefoxToolbarApi(browser), i18n.t('extActionTitle'));
  } else {
    // Chrome: the toolbar button opens the side panel.
    void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  }
  // Before the database: onInstalled fires once, right after start, and open tabs need the new script.
  registerReattach(browser, SITE_MATCH_PATTERNS);
  const db = getDb();
  registerHandlers(db);
  // Notices the browser deleting the database for lack of disk space (the panel shows it).
  void watchDataMarker(db, { area: browser.storage.local, signal: new AbortController().signal });
});
