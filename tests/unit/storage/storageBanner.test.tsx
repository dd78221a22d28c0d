// @vitest-environment happy-dom
/**
 * A write nobody handled (`void sendMessage(…)`) that fails with the disk full is listed in plain
 * words with what was not saved; storage running low is warned about before the browser evicts.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { StorageBanner } from '@/components/StorageBanner';
import { notSavedText, whatOf } from '@/components/notSaved';
import { englishGetMessage } from '../support/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;

/** As the panel receives it: the background named the storage failure and the message. */
const diskFull = (request: string) => Object.assign(new Error('customers.bulkPut(): 2078 of 3000 operations failed'), { name: 'ReplylineStorageFull', request });

function setStorage(estimate: { usage: number; quota: number }) {
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { persisted: async () => false, persist: async () => false, estimate: async () => estimate },
  });
}

async function mount() {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root.render(<StorageBanner />));
}

/** Fires the event a rejected, unhandled promise raises in the page. */
async function reject(reason: unknown) {
  const event = new Event('unhandledrejection', { cancelable: true });
  Object.assign(event, { reason, promise: Promise.resolve() });
  await act(async () => {
    window.dispatchEvent(event);
  });
}

describe('StorageBanner', () => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishGetMessage());
    setStorage({ usage: 1, quota: 10_000_000_000 });
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  it('lists a failed settings save in plain words', async () => {
    await mount();
    expect(host.querySelector('[data-testid="not-saved"]')).toBeNull();
    await reject(diskFull('settingsSave'));
    expect(host.querySelector('[data-testid="not-saved"]')?.textContent).toBe(
      "Not saved: your settings. The browser has no room left for Replyline's data: free some disk space, then try again.",
    );
    expect(host.textContent).not.toContain('bulkPut');
  });

  it('ignores stray rejections that are not writes', async () => {
    await mount();
    await reject(new Error('something else'));
    expect(host.querySelector('[data-testid="storage-banner"]')).toBeNull();
  });

  it('warns when storage runs low', async () => {
    setStorage({ usage: 1_000, quota: 1_000 + 50 * 1_048_576 });
    await mount();
    await act(async () => {
      await Promise.resolve();
    });
    expect(host.querySelector('[data-testid="storage-low"]')?.textContent).toContain('50 MB left for Replyline');
  });
});

describe('what was not saved', () => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishGetMessage());
  });
  it.each([
    ['settingsSave', 'settings'],
    ['brandDelete', 'brand'],
    ['customersImportCommit', 'customer'],
    ['templateSave', 'template'],
    ['queueSetState', 'queue'],
    ['toneNoteDelete', 'tone'],
    ['reviewImport', 'review'],
    ['goalDelete', 'goal'],
    ['teamJoin', 'team'],
    [undefined, 'other'],
  ] as const)('%s → %s', (request, what) => {
    expect(whatOf(request)).toBe(what);
  });

  it('any other failure keeps its own words', () => {
    expect(notSavedText(new Error('Unknown post x:1'), 'queueAdd')).toBe('Not saved: the queue change. Reason: Unknown post x:1');
  });
});
