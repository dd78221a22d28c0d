// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { insertIntoEditor, isButtonEnabled } from '@/lib/editor/insert';
import { DEFAULT_STRATEGIES, isDraftEditor, type Strategy } from '@/lib/editor/strategies';
import { SITE_EDITORS } from '@/lib/sites/editors';
import { readEditorText } from '@/lib/editor/readBack';

/** Writes lines as `<p>` blocks, the way an editor re-renders its state. */
function render(editor: HTMLElement, text: string): void {
  editor.replaceChildren(
    ...text.split('\n').map((line) => {
      const p = document.createElement('p');
      if (line) p.textContent = line;
      else p.append(document.createElement('br'));
      return p;
    }),
  );
}

function makeEditor(): { editor: HTMLElement; button: HTMLButtonElement } {
  const form = document.createElement('form');
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  editor.setAttribute('role', 'textbox');
  const button = document.createElement('button');
  button.disabled = true;
  form.append(editor, button);
  document.body.append(form);
  return { editor, button };
}

function fake(id: Strategy['id'], effect: (editor: HTMLElement, text: string) => void, log: string[]): Strategy {
  return { id, applicable: () => true, run: (editor, text) => (log.push(id), effect(editor, text)) };
}

const TEXT = 'Hi 👋\n\nМы проверяем.\n我们在处理';
const fast = { readBackMs: 60, buttonMs: 60 };

beforeEach(() => {
  document.body.replaceChildren();
});

describe('insertIntoEditor strategy order', () => {
  it.each([
    ['the first works: nothing else is tried', [true, true], ['paste'], 'paste'],
    ['the first is ignored: the second is tried', [false, true], ['paste', 'beforeinputPaste'], 'beforeinputPaste'],
  ])('%s', async (_name, works, expectedLog, expectedStrategy) => {
    const { editor, button } = makeEditor();
    const log: string[] = [];
    const ids = ['paste', 'beforeinputPaste'] as const;
    const strategies = ids.map((id, i) => fake(id, (ed, text) => {
      if (works[i]) {
        render(ed, text);
        button.disabled = false;
      }
    }, log));
    const copy = vi.fn(async () => true);
    const result = await insertIntoEditor(editor, TEXT, { strategies, postButtonFor: () => button, copy, ...fast });
    expect(log).toEqual(expectedLog);
    expect(result).toMatchObject({ ok: true, strategy: expectedStrategy, verified: true, postEnabled: true });
    expect(result.fallback).toBeUndefined();
    expect(copy).not.toHaveBeenCalled();
  });

  it('stops at a strategy that changed the editor into the wrong text (no piling on) and falls back to the clipboard', async () => {
    const { editor } = makeEditor();
    const log: string[] = [];
    const strategies = [
      fake('paste', (ed, text) => render(ed, text.replace(/\n\n/g, '\n')), log), // blank line lost
      fake('beforeinputText', (ed, text) => render(ed, text), log),
    ];
    const copy = vi.fn(async () => true);
    const result = await insertIntoEditor(editor, TEXT, { strategies, copy, ...fast });
    expect(log).toEqual(['paste']);
    expect(result).toMatchObject({ ok: false, verified: false, fallback: 'clipboard', copied: true, reason: 'notVerified' });
    expect(copy).toHaveBeenCalledWith(TEXT);
  });

  it('text in the DOM but the send button stays disabled: the editor state did not take it', async () => {
    const { editor, button } = makeEditor();
    const result = await insertIntoEditor(editor, TEXT, { strategies: [fake('execCommand', render, [])], postButtonFor: () => button, copy: async () => false, ...fast });
    expect(result).toMatchObject({ ok: false, verified: true, postEnabled: false, fallback: 'clipboard', copied: false, reason: 'postDisabled' });
  });

  it('no editor: clipboard, reason noEditor, nothing tried', async () => {
    const copy = vi.fn(async () => true);
    const result = await insertIntoEditor(null, TEXT, { copy, insertionId: 'i1' });
    expect(result).toEqual({ ok: false, strategy: 'none', verified: false, postEnabled: null, fallback: 'clipboard', copied: true, reason: 'noEditor', insertionId: 'i1' });
  });

  it('replaces what the editor already held', async () => {
    const { editor } = makeEditor();
    render(editor, 'old draft');
    let selected = '';
    const strategies = [fake('paste', (ed, text) => {
      selected = document.getSelection()?.toString() ?? '';
      render(ed, text);
    }, [])];
    const result = await insertIntoEditor(editor, 'new', { strategies, copy: async () => false, ...fast });
    expect(selected).toBe('old draft');
    expect(result.ok).toBe(true);
    expect(readEditorText(editor)).toBe('new');
  });

  it('the default paste strategy reaches a page listener with text/plain (no site button: postEnabled null)', async () => {
    const { editor } = makeEditor();
    editor.addEventListener('paste', (event) => {
      event.preventDefault();
      render(editor, event.clipboardData?.getData('text/plain') ?? '');
    });
    const result = await insertIntoEditor(editor, TEXT, { copy: async () => false, ...fast });
    expect(result).toMatchObject({ ok: true, strategy: 'paste', postEnabled: null });
  });

  it('the default beforeinput strategy is next when paste is ignored (Lexical-style insertText with a DataTransfer)', async () => {
    const { editor } = makeEditor();
    const seen: string[] = [];
    editor.addEventListener('beforeinput', (event) => {
      seen.push(event.inputType);
      if (event.inputType !== 'insertText') return;
      event.preventDefault();
      render(editor, event.dataTransfer?.getData('text/plain') ?? '');
    });
    const result = await insertIntoEditor(editor, TEXT, { copy: async () => false, ...fast });
    expect(seen).toEqual(['insertFromPaste', 'insertText']);
    expect(result).toMatchObject({ ok: true, strategy: 'beforeinputText' });
  });
});

describe('strategy applicability', () => {
  it('Draft.js editors only get the paste event (execCommand/beforeinput would desync its state)', () => {
    const root = document.createElement('div');
    root.className = 'DraftEditor-root';
    const editor = document.createElement('div');
    root.append(editor);
    expect(isDraftEditor(editor)).toBe(true);
    expect(DEFAULT_STRATEGIES.filter((s) => s.applicable(editor)).map((s) => s.id)).toEqual(['paste']);
    // Every site's own list keeps Draft.js editors to the paste.
    for (const site of Object.values(SITE_EDITORS)) expect(site.insertStrategies.filter((s) => s.applicable(editor)).map((s) => s.id), site.site).toEqual(['paste']);
  });

  it('order is paste → beforeinput paste → beforeinput text → execCommand', () => {
    expect(DEFAULT_STRATEGIES.map((s) => s.id)).toEqual(['paste', 'beforeinputPaste', 'beforeinputText', 'execCommand']);
  });

  it.each([
    ['<button>x</button>', true],
    ['<button disabled>x</button>', false],
    ['<div role="button" aria-disabled="true">x</div>', false],
    ['<div role="button" aria-disabled="false">x</div>', true],
  ])('isButtonEnabled(%s) = %s', (html, enabled) => {
    const host = document.createElement('div');
    host.innerHTML = html;
    const button = host.firstElementChild;
    if (!(button instanceof HTMLElement)) throw new Error('fixture');
    expect(isButtonEnabled(button)).toBe(enabled);
  });
});
