/**
 * Ways to put text into a site's editor so that the EDITOR'S OWN STATE takes it. Each dispatches an
 * event the framework handles itself; none writes the DOM behind its back:
 * - `paste`: a ClipboardEvent carrying `text/plain`. Draft.js (X) and Lexical (Facebook) both
 *   turn it into a state update; newlines become blocks / line breaks.
 * - `beforeinputPaste`: `beforeinput` insertFromPaste with a DataTransfer (editors built on
 *   beforeinput, e.g. Slate/ProseMirror-style).
 * - `beforeinputText`: `beforeinput` insertText whose DataTransfer holds the text; Lexical inserts
 *   it raw (newlines kept).
 * - `execCommand`: the browser's own insertText, ONLY for editors that are not Draft.js: Draft
 *   keeps its state apart from the DOM, so execCommand there leaves the state empty or crashes
 *   React ("removeChild"). Kept last because it cannot insert blank lines reliably.
 * Content scripts run in an isolated world, but the DOM (and its events) is shared, so the page's
 * React/Lexical listeners receive these events.
 */
import { closestAny, queryFirst } from '../dom/query';
import type { InsertStrategy } from '../schemas/replies';
import { DRAFT } from './editors.selectors';

export interface Strategy {
  id: Exclude<InsertStrategy, 'none'>;
  /** Whether this strategy may be tried on this editor at all. */
  applicable: (editor: HTMLElement) => boolean;
  /** Dispatches; returns whether the event was taken (default prevented) where that is knowable. */
  run: (editor: HTMLElement, text: string) => void;
}

/**
 * Whether an editor keeps its state apart from the DOM (Draft.js): such editors take only `paste`.
 * Each site picks its strategies (`insertStrategies` of lib/sites/<site>/editor.ts).
 */
export type KeepsStateApart = (editor: Element) => boolean;

export function isDraftEditor(editor: Element): boolean {
  return closestAny(editor, DRAFT.root) !== null || queryFirst(editor, DRAFT.contents) !== null;
}

function plainTransfer(view: Window & typeof globalThis, text: string): DataTransfer {
  const transfer = new view.DataTransfer();
  transfer.setData('text/plain', text);
  return transfer;
}

function viewOf(editor: HTMLElement): Window & typeof globalThis {
  const view = editor.ownerDocument.defaultView;
  if (!view) throw new Error('editor is not in a window');
  return view;
}

/** The strategies for a site's editor; `keepsStateApart` limits them (default: Draft.js editors). */
export function strategiesFor(keepsStateApart: KeepsStateApart = isDraftEditor): readonly Strategy[] {
  const paste: Strategy = {
    id: 'paste',
    applicable: () => true,
    run: (editor, text) => {
      const view = viewOf(editor);
      const event = new view.ClipboardEvent('paste', { clipboardData: plainTransfer(view, text), bubbles: true, cancelable: true, composed: true });
      editor.dispatchEvent(event);
    },
  };

  const beforeinputPaste: Strategy = {
    id: 'beforeinputPaste',
    applicable: (editor) => !keepsStateApart(editor),
    run: (editor, text) => {
      const view = viewOf(editor);
      const init = { inputType: 'insertFromPaste', dataTransfer: plainTransfer(view, text), bubbles: true, cancelable: true, composed: true };
      if (editor.dispatchEvent(new view.InputEvent('beforeinput', init))) {
        // Not prevented: nobody took it. An untrusted event has no default action, so nothing changed.
        return;
      }
      editor.dispatchEvent(new view.InputEvent('input', { ...init, cancelable: false }));
    },
  };

  const beforeinputText: Strategy = {
    id: 'beforeinputText',
    applicable: (editor) => !keepsStateApart(editor),
    run: (editor, text) => {
      const view = viewOf(editor);
      const init = { inputType: 'insertText', dataTransfer: plainTransfer(view, text), bubbles: true, cancelable: true, composed: true };
      editor.dispatchEvent(new view.InputEvent('beforeinput', init));
    },
  };

  const execCommand: Strategy = {
    id: 'execCommand',
    applicable: (editor) => !keepsStateApart(editor) && typeof editor.ownerDocument.execCommand === 'function',
    run: (editor, text) => {
      const doc = editor.ownerDocument;
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        if (i > 0) doc.execCommand('insertParagraph');
        if (line) doc.execCommand('insertText', false, line);
      });
    },
  };

  // Tried in this order; the first whose result reads back correctly wins.
  return [paste, beforeinputPaste, beforeinputText, execCommand];
}


// Pure: a content script that imports lib/editor for reading only does not carry the strategies.
export const DEFAULT_STRATEGIES: readonly Strategy[] = /* @__PURE__ */ strategiesFor();
