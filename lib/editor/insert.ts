/**
 * Writes a reply into the site's own editor and proves it took: the strategies (./strategies.ts)
 * are tried in order, each followed by a READ-BACK of the editor (./readBack.ts) and a check that
 * the site's send button is enabled — the button is driven by the editor's state, so an enabled
 * button means the state, not just the DOM, holds the text. When nothing works the reply goes on
 * the clipboard and the result tells the agent to paste. Never clicks send: the agent does.
 */
import type { InsertResult, InsertStrategy } from '../schemas/replies';
import { copyToClipboard } from './clipboard';
import { normaliseEditorText, readEditorText, sameEditorText } from './readBack';
import { DEFAULT_STRATEGIES, type Strategy } from './strategies';

export interface InsertOptions {
  /** The site adapter's `postButtonFor`; without it `postEnabled` is null. */
  postButtonFor?: (editor: Element) => HTMLElement | null;
  strategies?: readonly Strategy[];
  /** How long to wait for the framework to render the inserted text. */
  readBackMs?: number;
  /** How long to wait for the send button to enable after the text is in. */
  buttonMs?: number;
  copy?: (text: string) => Promise<boolean>;
  insertionId?: string;
}

const POLL_MS = 25;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function poll(probe: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (probe()) return true;
    if (Date.now() >= until) return false;
    await sleep(POLL_MS);
  }
}

export function isButtonEnabled(button: HTMLElement): boolean {
  // `disabled` reflects to the attribute; X has used both it and aria-disabled on div buttons.
  return button.getAttribute('aria-disabled') !== 'true' && !button.hasAttribute('disabled');
}

/**
 * Focuses the editor and selects what is already there, so the insertion replaces it (a draft the
 * agent abandoned, or a previous attempt). Editors sync their selection from `selectionchange`,
 * which fires asynchronously: give it a moment before dispatching.
 */
async function prepare(editor: HTMLElement): Promise<void> {
  editor.focus();
  const selection = editor.ownerDocument.getSelection();
  if (selection && normaliseEditorText(readEditorText(editor)) !== '') {
    const range = editor.ownerDocument.createRange();
    range.selectNodeContents(editor);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  await sleep(30);
}

export async function insertIntoEditor(editor: HTMLElement | null, text: string, options: InsertOptions = {}): Promise<InsertResult> {
  const copy = options.copy ?? ((t: string) => copyToClipboard(t, editor?.ownerDocument ?? document));
  const base = options.insertionId ? { insertionId: options.insertionId } : {};
  if (!editor) {
    return { ...base, ok: false, strategy: 'none', verified: false, postEnabled: null, fallback: 'clipboard', copied: await copy(text), reason: 'noEditor' };
  }
  const readBackMs = options.readBackMs ?? 600;
  let used: InsertStrategy = 'none';
  let verified = false;
  for (const strategy of options.strategies ?? DEFAULT_STRATEGIES) {
    if (!strategy.applicable(editor)) continue;
    await prepare(editor);
    const before = normaliseEditorText(readEditorText(editor));
    used = strategy.id;
    try {
      strategy.run(editor, text);
    } catch {
      continue; // the event type is missing in this browser: try the next way
    }
    verified = await poll(() => sameEditorText(readEditorText(editor), text), readBackMs);
    if (verified) break;
    // Something changed but not into our text (duplicated, lines lost): piling another strategy on
    // top would make it worse. Stop and let the agent paste over it.
    if (normaliseEditorText(readEditorText(editor)) !== before) break;
    used = 'none';
  }

  const button = options.postButtonFor?.(editor) ?? null;
  let postEnabled: boolean | null = null;
  if (button) postEnabled = verified ? await poll(() => isButtonEnabled(button), options.buttonMs ?? 1500) : isButtonEnabled(button);

  if (verified && postEnabled !== false) return { ...base, ok: true, strategy: used, verified, postEnabled };
  return {
    ...base,
    ok: false,
    strategy: used,
    verified,
    postEnabled,
    fallback: 'clipboard',
    copied: await copy(text),
    reason: verified ? 'postDisabled' : 'notVerified',
  };
}
