/**
 * "Reply natively": the background forwards the panel's reply (`insertReply`); this finds the post
 * (the scanner's `data-replyline-post` mark), opens its reply box through the site adapter, writes
 * the text into the site's own editor (lib/editor) and starts sent detection. Never sends. Runs in
 * the editor script (entrypoints/content/editorScript.ts), which the background injects before its first
 * `insertReply` to the page.
 */
import type { EditingAdapter } from '@/lib/sites/types';
import * as z from 'zod/mini';
import { pageSchemas, type PageMessageData, type PageMessageName } from '@/lib/pageMessages';
import { messaging } from './messaging';
import type { InsertResult } from '@/lib/schemas/replies';
import { insertIntoEditor } from '@/lib/editor';
import { watchForSent } from './sent';

const POST_ATTR = 'data-replyline-post';
const OPEN_TIMEOUT_MS = 4000;

/**
 * The marked element for any of the post's keys (a Facebook post is marked with the key this page
 * load shows); X may show the same post twice (timeline + quote), take the first.
 */
export function postElementFor(doc: ParentNode, keys: readonly string[]): Element | null {
  const wanted = new Set(keys);
  for (const el of doc.querySelectorAll(`[${POST_ATTR}]`)) if (wanted.has(el.getAttribute(POST_ATTR) ?? '')) return el;
  return null;
}

/**
 * Parses a message the background sent to this page. Here, in the editor script, not in
 * messaging.ts: the content script then loads no input schema (lib/pageMessages.ts).
 */
export function parseMessage<N extends PageMessageName>(name: N, data: unknown): PageMessageData<N> {
  return z.parse(pageSchemas(name).input, data);
}

export function startReplyInsertion(adapter: EditingAdapter, signal: AbortSignal): void {
  if (signal.aborted) return;
  const remove = messaging.onMessage('insertReply', async (message): Promise<InsertResult> => {
    const { key, sameAs, text, insertionId, handles, context } = parseMessage('insertReply', message.data);
    const postEl = postElementFor(document, [key, ...sameAs]);
    if (!postEl) return { ok: false, strategy: 'none', verified: false, postEnabled: null, reason: 'noPost', insertionId };
    const editor = await adapter.openReplyBox(postEl, { timeoutMs: OPEN_TIMEOUT_MS, signal });
    const result = await insertIntoEditor(editor, text, { postButtonFor: (el) => adapter.postButtonFor(el), strategies: adapter.insertStrategies, insertionId });
    // Even an unverified insertion may be fixed by the agent and sent: watch whenever there is an editor.
    if (editor) watchForSent({ adapter, key, postEl, editor, text, insertionId, handles, context, signal });
    return result;
  });
  signal.addEventListener('abort', remove, { once: true });
}
