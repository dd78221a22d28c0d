/**
 * The Firefox build's background (this project runs with WXT's Firefox MV2 globals) against the
 * API surface Firefox MV2 really exposes: no `action`, no `sidePanel`; `browserAction` and
 * `sidebarAction` instead. The stub's sidebarAction refuses calls made outside the toolbar click's
 * own synchronous handler, as Firefox does ("may only be called from a user input handler").
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '@/entrypoints/background';
import { englishGetMessage } from '../support/i18n';
import { firefoxToolbarApi, revealInSidebar, wireFirefoxToolbar, type FirefoxToolbarApi } from '@/lib/background/firefoxSidebar';

interface Mv2Stub extends FirefoxToolbarApi {
  click(tabId: number): void;
  open: boolean;
  toggles: number;
  badge: Map<number | undefined, string>;
  title: Map<number | undefined, string>;
}

function mv2Stub(): Mv2Stub {
  const listeners: ((tab: { id?: number }) => void)[] = [];
  let inUserAction = false;
  const stub: Mv2Stub = {
    open: false,
    toggles: 0,
    badge: new Map(),
    title: new Map(),
    click(tabId) {
      inUserAction = true;
      try {
        for (const listener of listeners) listener({ id: tabId });
      } finally {
        inUserAction = false;
      }
    },
    browserAction: {
      onClicked: { addListener: (listener) => void listeners.push(listener) },
      setBadgeText: async ({ text, tabId }) => void stub.badge.set(tabId, text),
      setTitle: async ({ title, tabId }) => void stub.title.set(tabId, title),
    },
    sidebarAction: {
      toggle: () => {
        if (!inUserAction) return Promise.reject(new Error('sidebarAction.toggle may only be called from a user input handler'));
        stub.open = !stub.open;
        stub.toggles += 1;
        return Promise.resolve();
      },
      isOpen: async () => stub.open,
    },
  };
  return stub;
}

const SWAPPED = ['action', 'sidePanel', 'browserAction', 'sidebarAction'] as const;
let saved: Map<string, unknown>;

/** Turns the shared fake browser into Firefox MV2's shape for one test. */
function becomeFirefox(stub: Mv2Stub): void {
  for (const name of ['action', 'sidePanel']) Reflect.deleteProperty(fakeBrowser, name);
  Reflect.set(fakeBrowser, 'browserAction', stub.browserAction);
  Reflect.set(fakeBrowser, 'sidebarAction', stub.sidebarAction);
}

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishGetMessage());
  saved = new Map(SWAPPED.map((name) => [name, Reflect.get(fakeBrowser, name)]));
});
afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) Reflect.deleteProperty(fakeBrowser, name);
    else Reflect.set(fakeBrowser, name, value);
  }
  fakeBrowser.reset();
});

describe('Firefox MV2 background', () => {
  it('is built for Firefox MV2 here', () => {
    expect(Boolean(import.meta.env.FIREFOX)).toBe(true);
    expect(Boolean(import.meta.env.CHROME || import.meta.env.EDGE)).toBe(false);
  });

  // The entrypoint itself, once: its message handlers can be registered once per context.
  it('starts without `action` and the toolbar button toggles the sidebar', () => {
    const stub = mv2Stub();
    becomeFirefox(stub);
    // Firefox MV2 has runtime.onConnect; the fake browser leaves it unimplemented.
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
    expect(() => background.main()).not.toThrow();
    stub.click(7);
    expect(stub.toggles).toBe(1);
    expect(stub.open).toBe(true);
    stub.click(7);
    expect(stub.open).toBe(false);
  });

  it('"Open in Replyline" with the sidebar shut marks the toolbar button; the click clears it', async () => {
    const stub = mv2Stub();
    becomeFirefox(stub);
    const api = firefoxToolbarApi(fakeBrowser);
    wireFirefoxToolbar(api, 'Open Replyline');
    expect(await revealInSidebar(api, 3, 'hint')).toBe(false);
    expect(stub.badge.get(3)).toBe('1');
    expect(stub.title.get(3)).toBe('hint');
    expect(stub.open).toBe(false); // a page click is no user action for Firefox: nothing forced open

    stub.click(3);
    expect(stub.open).toBe(true);
    expect(stub.badge.get(3)).toBe('');
    expect(stub.title.get(3)).toBe('Open Replyline');
  });

  it('"Open in Replyline" with the sidebar open leaves the toolbar alone (the panel follows the post)', async () => {
    const stub = mv2Stub();
    stub.open = true;
    becomeFirefox(stub);
    expect(await revealInSidebar(firefoxToolbarApi(fakeBrowser), 3, 'hint')).toBe(true);
    expect(stub.badge.size).toBe(0);
  });

  it('names the missing namespace instead of failing later', () => {
    expect(() => firefoxToolbarApi({})).toThrow(/browserAction/);
  });
});
