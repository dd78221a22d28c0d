/**
 * The in-page features, started by each site's own content script (entrypoints/<site>.content.ts),
 * so a page loads only its own site's adapter. Never touches IndexedDB (that would be the site's);
 * everything goes to the background. Writing replies is not here: the background injects the
 * site's editor script (entrypoints/<site>-editor.ts) into the page that needs it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '@/lib/sites/types';
import { startPostScanner } from './scanner';
import { startProfileWatch } from './profiles';
import { startAnsweredWatch } from './answered';
import { loadBadgeLabels, loadedReloadNotice } from './badge';
import { claimPage, watchLifetime } from './lifetime';
import { sendMessage } from './messaging';

export function runContentScript(adapter: SiteAdapter, ctx: ContentScriptContext): void {
  // The manifest's patterns are coarse; the adapter decides which URLs are the site's pages.
  if (!adapter.matches(location.href)) return;
  // Before any feature draws: a copy left over from before an update stops drawing on this page.
  const runId = Math.random().toString(36).slice(2);
  claimPage(document, runId);
  const lifetime = watchLifetime({ runId, signal: ctx.signal, isInvalid: () => ctx.isInvalid, noticeText: loadedReloadNotice });
  void loadBadgeLabels();
  // Takes this tab off the panel's "needs a reload" list.
  void sendMessage('contentAttached', {}).catch((error: unknown) => console.debug('[replyline] contentAttached failed', error));
  startPostScanner(adapter, ctx.signal, { onSendFailed: () => lifetime.check() });
  startProfileWatch(adapter, ctx.signal);
  startAnsweredWatch(adapter, ctx.signal);
}
