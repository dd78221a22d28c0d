/**
 * The background service worker: the sole writer of Replyline's database. Content scripts and
 * panels send typed messages (lib/messages.ts); every payload is parsed before anything is written.
 */
import { getDb } from '@/lib/db/db';
import { registerHandlers } from '@/lib/background/handlers';

export default defineBackground(() => {
  const db = getDb();
  registerHandlers(db);

  // Chrome: the toolbar button opens the side panel. Firefox has a sidebar_action instead.
  if (import.meta.env.CHROME || import.meta.env.EDGE) {
    void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  } else {
    // Firefox: the toolbar button toggles the sidebar (sidebar_action).
    browser.action.onClicked.addListener(() => {
      const sidebar: unknown = Reflect.get(browser, 'sidebarAction');
      const toggle: unknown = sidebar && typeof sidebar === 'object' ? Reflect.get(sidebar, 'toggle') : undefined;
      if (typeof toggle === 'function') void Reflect.apply(toggle, sidebar, []);
    });
  }
});
