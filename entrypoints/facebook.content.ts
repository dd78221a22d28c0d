/** Facebook's content script (content-scripts/facebook.js): Facebook pages load Facebook's adapter only. */
import { facebookAdapter } from '@/lib/sites/facebook';
import { runContentScript } from './content/run';

export default defineContentScript({
  matches: [...facebookAdapter.matchPatterns],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(facebookAdapter, ctx),
});
