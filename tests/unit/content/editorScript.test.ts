/**
 * The editor script is injected before every insertion: it must answer `insertReply` once per
 * document (a second listener would throw in the page's messaging), and a copy left dead by an
 * extension update must give way to the fresh one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { EDITOR_COPY, startEditorScript } from '@/entrypoints/content/editorScript';
import { editingAdapter } from '@/lib/sites/editors';
import { xAdapter } from '@/lib/sites/x';

const adapter = editingAdapter(xAdapter);

afterEach(() => {
  const copy: unknown = Reflect.get(globalThis, EDITOR_COPY);
  const stop: unknown = typeof copy === 'object' && copy !== null ? Reflect.get(copy, 'stop') : undefined;
  if (typeof stop === 'function') stop.call(copy);
  Reflect.deleteProperty(globalThis, EDITOR_COPY);
  vi.restoreAllMocks();
});

describe('startEditorScript', () => {
  it('starts once per document while its copy is alive', () => {
    const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    expect(startEditorScript(adapter, () => true)).toBe(true);
    expect(startEditorScript(adapter, () => true)).toBe(false);
    expect(startEditorScript(adapter, () => true)).toBe(false);
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('replaces a copy whose extension is gone, removing its listener first', () => {
    const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const remove = vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener');
    let oldAlive = true;
    expect(startEditorScript(adapter, () => oldAlive)).toBe(true);
    oldAlive = false;
    expect(startEditorScript(adapter, () => true)).toBe(true);
    expect(remove).toHaveBeenCalledTimes(1);
    expect(add).toHaveBeenCalledTimes(2);
  });
});
