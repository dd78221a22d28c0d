/** X's content script (content-scripts/x.js): X pages load X's adapter only. */
import { xAdapter } from '@/lib/sites/x';
import { runContentScript } from './content/run';

export default defineContentScript({
  matches: [...xAdapter.matchPatterns],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(xAdapter, ctx),
});
