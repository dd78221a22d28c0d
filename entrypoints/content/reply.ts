/**
 * "Reply natively": the background forwards the panel's reply (`insertReply`); this finds the post
 * (the scanner's `data-replyline-post` mark), opens its reply box through the site adapter, writes
 * the text into the site's own editor (lib/editor) and starts sent detection. Never sends.
 */
import type { SiteAdapter } from '@/lib/sites/types';
import { messaging, parseMessage } from '@/lib/messages';
import type { InsertResult } from '@/lib/schemas';
import { insertIntoEditor } from '@/lib/editor';
import { watchForSent } from './sent';

const POST_ATTR = 'data-replyline-post';
const OPEN_TIMEOUT_MS = 4000;

/** The marked element for `key`; X may show the same post twice (timeline + quote), take the first. */
function postElementFor(key: string): Element | null {
  for (const el of document.querySelectorAll(`[${POST_ATTR}]`)) if (el.getAttribute(POST_ATTR) === key) return el;
  return null;
}

export function startReplyInsertion(adapter: SiteAdapter, signal: AbortSignal): void {
  if (signal.aborted) return;
  const remove = messaging.onMessage('insertReply', async (message): Promise<InsertResult> => {
    const { key, text, insertionId, handles, context } = parseMessage('insertReply', message.data);
    const postEl = postElementFor(key);
    if (!postEl) return { ok: false, strategy: 'none', verified: false, postEnabled: null, reason: 'noPost', insertionId };
    const editor = await adapter.openReplyBox(postEl, { timeoutMs: OPEN_TIMEOUT_MS, signal });
    const result = await insertIntoEditor(editor, text, { postButtonFor: (el) => adapter.postButtonFor(el), insertionId });
    // Even an unverified insertion may be fixed by the agent and sent: watch whenever there is an editor.
    if (editor) watchForSent({ adapter, key, postEl, editor, text, insertionId, handles, context, signal });
    return result;
  });
  signal.addEventListener('abort', remove, { once: true });
}
