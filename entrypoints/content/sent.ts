/**
 * Sent detection: after an insertion, watch the page until the reply leaves it — the site's own
 * confirmation (X's "Your post was sent" toast links the reply) or a new reply the site adapter
 * recognises as ours (`adapter.sent`). The text logged is what was
 * really sent: the agent may edit in the site's editor, so the editor is read on every edit and
 * just before a click/keypress that could send (capture phase, before the site clears it).
 * Reports `replySent` exactly once per insertion; gives up after 10 minutes or on navigation.
 *
 * Only the editor script (entrypoints/<site>-editor.ts) starts it, after an insertion.
 */
import type { EditingAdapter } from '@/lib/sites/types';
import { observe, onNavigate, type Scheduler } from '@/lib/dom/observe';
import { sendMessage } from './messaging';
import type { ReplyContext } from '@/lib/schemas/replies';
import { looseText, normaliseEditorText, readEditorText } from '@/lib/editor';

export const SENT_TIMEOUT_MS = 10 * 60 * 1000;

export interface SentWatch {
  adapter: EditingAdapter;
  key: string;
  postEl: Element;
  editor: HTMLElement;
  /** The text we inserted (used when the editor could not be read before it cleared). */
  text: string;
  insertionId: string;
  handles: readonly string[];
  context: ReplyContext;
  signal: AbortSignal;
  timeoutMs?: number;
  /** Injected in tests (lib/dom/observe's default otherwise). */
  scheduler?: Scheduler;
}

/** One watch per post: a new insertion into the same post replaces the previous watch. */
const activeWatches = new Map<string, AbortController>();

export function watchForSent(watch: SentWatch): void {
  const { adapter, key, postEl, insertionId, handles, signal } = watch;
  activeWatches.get(key)?.abort();
  const scope = new AbortController();
  activeWatches.set(key, scope);
  const stop = () => scope.abort();
  signal.addEventListener('abort', stop, { once: true, signal: scope.signal });
  const timer = setTimeout(stop, watch.timeoutMs ?? SENT_TIMEOUT_MS);
  scope.signal.addEventListener('abort', () => {
    clearTimeout(timer);
    if (activeWatches.get(key) === scope) activeWatches.delete(key);
  });

  let lastUrl = location.href;
  onNavigate(scope.signal, (url) => {
    if (!adapter.sent.staysOnPost(lastUrl, url)) stop();
    lastUrl = url;
  });

  const wanted = new Set(handles.map((h) => h.replace(/^@/, '').toLowerCase()));
  const editorNow = (): HTMLElement | null => (watch.editor.isConnected ? watch.editor : adapter.replyBoxFor(postEl));
  let lastText = watch.text;
  const snapshot = () => {
    const editor = editorNow();
    if (!editor) return;
    const text = readEditorText(editor);
    if (normaliseEditorText(text) !== '') lastText = normaliseEditorText(text);
  };
  for (const type of ['input', 'pointerdown', 'click', 'keydown'] as const) {
    document.addEventListener(type, snapshot, { capture: true, signal: scope.signal });
  }

  // Posts already on the page are not "the new reply". Keyed by post, not element: X recycles rows.
  const knownKeys = new Set<string>();
  // Their keys alone (peekKey): reading each whole was one long task on a page of a few hundred.
  for (const el of adapter.findPostElements(document)) {
    const peek = adapter.peekKey(el);
    if (peek.ok) knownKeys.add(peek.key);
  }
  let done = false;
  const finish = (replyUrl: string | undefined, pageText: string | undefined) => {
    if (done) return;
    done = true;
    stop();
    const text = lastText || pageText || watch.text;
    void sendMessage('replySent', { key, text, replyUrl, sentAt: Date.now(), insertionId, context: watch.context }).catch((error: unknown) => {
      console.debug('[replyline] replySent failed', error);
    });
  };

  const check = (elements: Element[]) => {
    if (done) return;
    snapshot();
    for (const el of elements) {
      const confirmed = adapter.sent.confirmation(el);
      if (confirmed) return finish(confirmed.replyUrl, undefined);
      for (const candidate of adapter.findPostElements(el)) {
        const result = adapter.extract(candidate, Date.now());
        if (!result.ok || knownKeys.has(result.post.key)) continue;
        const { post } = result;
        knownKeys.add(post.key);
        const sameText = looseText(post.text) !== '' && (looseText(post.text) === looseText(lastText) || looseText(post.text) === looseText(watch.text));
        const byBrand = wanted.has(post.authorHandle.toLowerCase());
        if (adapter.sent.isOurReply(post, { sameText, byBrand })) return finish(post.url, post.text);
      }
    }
  };
  observe(document.body, { signal: scope.signal, onAdded: check, onTextChanged: check }, { scheduler: watch.scheduler });
}
