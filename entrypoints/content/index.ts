/**
 * Content script entry: picks the site adapter for this page and runs the in-page features.
 * It never touches IndexedDB (that would be the site's); everything goes to the background.
 */
import { adapterFor, SITE_MATCH_PATTERNS } from '@/lib/sites/registry';
import { startPostScanner } from './scanner';
import { startProfileWatch } from './profiles';
import { startReplyInsertion } from './reply';
import { startAnsweredWatch } from './sent';
import { loadBadgeLabels, loadedReloadNotice } from './badge';
import { claimPage, watchLifetime } from './lifetime';
import { sendMessage } from '@/lib/messages';

export default defineContentScript({
  matches: [...SITE_MATCH_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterFor(location.href);
    if (!adapter) return;
    // Before any feature draws: a copy left over from before an update stops drawing on this page.
    const runId = Math.random().toString(36).slice(2);
    claimPage(document, runId);
    const lifetime = watchLifetime({ runId, signal: ctx.signal, isInvalid: () => ctx.isInvalid, noticeText: loadedReloadNotice });
    void loadBadgeLabels();
    // Takes this tab off the panel's "needs a reload" list.
    void sendMessage('contentAttached', {}).catch((error: unknown) => console.debug('[replyline] contentAttached failed', error));
    startPostScanner(adapter, ctx.signal, { onSendFailed: () => lifetime.check() });
    startProfileWatch(adapter, ctx.signal);
    startReplyInsertion(adapter, ctx.signal);
    startAnsweredWatch(adapter, ctx.signal);
  },
});
