/**
 * Content script entry: picks the site adapter for this page and runs the in-page features.
 * It never touches IndexedDB (that would be the site's); everything goes to the background.
 */
import { adapterFor } from '@/lib/sites';
import { startPostScanner } from './scanner';
import { startProfileWatch } from './profiles';
import { startReplyInsertion } from './reply';
import { startAnsweredWatch } from './sent';
import { loadBadgeLabels } from './badge';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://*.facebook.com/*', 'https://facebook.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterFor(location.href);
    if (!adapter) return;
    void loadBadgeLabels();
    startPostScanner(adapter, ctx.signal);
    startProfileWatch(adapter, ctx.signal);
    startReplyInsertion(adapter, ctx.signal);
    startAnsweredWatch(adapter, ctx.signal);
  },
});
