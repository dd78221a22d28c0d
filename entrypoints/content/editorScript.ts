/**
 * The editor script's start (entrypoints/<site>-editor.ts): the background injects it into a tab
 * when nothing there answers its `insertReply` (lib/background/replyHandlers.ts). Two insertions at
 * once may both inject, so it starts once per document. It shares the content script's isolated
 * world (the page sees none of it). A copy whose extension was updated or reloaded is dead: the
 * next injection replaces it.
 */
import type { EditingAdapter } from '@/lib/sites/types';
import { startReplyInsertion } from './reply';

/** Where the running copy is kept: a global of the isolated world, which the page cannot read. */
export const EDITOR_COPY = Symbol.for('replyline.editorScript');

interface EditorCopy {
  alive(): boolean;
  stop(): void;
}

const isCopy = (value: unknown): value is EditorCopy =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'alive') === 'function' && typeof Reflect.get(value, 'stop') === 'function';

/** An orphaned copy's `runtime.id` is gone. */
const extensionAlive = (): boolean => typeof Reflect.get(Object(browser.runtime), 'id') === 'string';

/** Starts answering `insertReply` unless a live copy already does; returns whether this call started one. */
export function startEditorScript(adapter: EditingAdapter, isAlive: () => boolean = extensionAlive): boolean {
  const previous: unknown = Reflect.get(globalThis, EDITOR_COPY);
  if (isCopy(previous)) {
    if (previous.alive()) return false;
    previous.stop();
  }
  const scope = new AbortController();
  const copy: EditorCopy = { alive: () => !scope.signal.aborted && isAlive(), stop: () => scope.abort() };
  Reflect.set(globalThis, EDITOR_COPY, copy);
  startReplyInsertion(adapter, scope.signal);
  return true;
}
