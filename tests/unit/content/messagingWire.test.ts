/**
 * The page speaks @webext-core/messaging's wire format by hand (entrypoints/content/messaging.ts);
 * the background runs the real library (lib/messages.ts). Both ends here talk through one stand-in
 * for the browser's message passing: the library on `chrome`, the page on WXT's `browser`.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { messaging, sendMessage } from '@/entrypoints/content/messaging';
import type { PageProtocolMap } from '@/lib/pageMessages';

type RawListener<Sender> = (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => unknown;
type PageSender = Parameters<Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]>[1];
type BackgroundListener = RawListener<object>;

const TAB = 7;
const pageListeners = new Set<RawListener<PageSender>>();
const backgroundListeners = new Set<BackgroundListener>();
const requests: unknown[] = [];

/** Like the browser: a copy of the message to every listener, the first answer back, undefined if none waits. */
function deliver<Sender>(listeners: ReadonlySet<RawListener<Sender>>, message: unknown, sender: Sender): Promise<unknown> {
  return new Promise((resolve) => {
    let waiting = false;
    for (const listener of listeners) if (listener(structuredClone(message), sender, (answer) => resolve(structuredClone(answer))) === true) waiting = true;
    if (!waiting) resolve(undefined);
  });
}

/** The background's `chrome`, as the library calls it (callbacks). */
const backgroundChrome = {
  runtime: {
    lastError: undefined,
    onMessage: { addListener: (l: BackgroundListener) => backgroundListeners.add(l), removeListener: (l: BackgroundListener) => backgroundListeners.delete(l) },
  },
  tabs: {
    sendMessage: (tabId: number, message: unknown, _options: unknown, callback: (answer: unknown) => void) => {
      expect(tabId).toBe(TAB);
      void deliver(pageListeners, message, { id: 'replyline' }).then(callback);
    },
  },
};

let savedChrome: unknown;
beforeEach(() => {
  savedChrome = Reflect.get(globalThis, 'chrome');
  Reflect.set(globalThis, 'chrome', backgroundChrome);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    requests.push(message);
    return deliver(backgroundListeners, message, { tab: { id: TAB }, url: 'https://x.com/home' });
  });
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => void pageListeners.add(l));
  vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener').mockImplementation((l) => void pageListeners.delete(l));
});
afterEach(() => {
  Reflect.set(globalThis, 'chrome', savedChrome);
  vi.restoreAllMocks();
  backgroundListeners.clear();
  requests.length = 0;
});

const labels = { label: 'Priority', addToQueue: 'Add', queued: 'Queued', filtered: 'Filtered', open: 'Open', openHint: 'Hint', reloadNotice: 'Reload', high: 'H', medium: 'M', low: 'L' };
const inserted = { ok: true, strategy: 'paste', verified: true, postEnabled: true, insertionId: 'i1' } as const;

describe("page → background: the page's requests, the real library's listener", () => {
  it('reach the listener with their payload, and its answer comes back', async () => {
    const background = defineExtensionMessaging<PageProtocolMap>();
    const seen: unknown[] = [];
    const remove = background.onMessage('openInPanel', async (message) => {
      seen.push([message.data, message.sender.tab?.id]);
      return { ok: true, opened: true };
    });
    try {
      await expect(sendMessage('openInPanel', { key: 'x:1' })).resolves.toEqual({ ok: true, opened: true });
      expect(seen).toEqual([[{ key: 'x:1' }, TAB]]);
      expect(requests).toEqual([{ id: expect.any(Number), type: 'openInPanel', data: { key: 'x:1' }, timestamp: expect.any(Number) }]);
    } finally {
      remove();
    }
  });

  it("reject with the background's error message when its handler throws", async () => {
    const background = defineExtensionMessaging<PageProtocolMap>();
    const remove = background.onMessage('badgeLabelsGet', async () => {
      throw new TypeError('badgeLabelsGet is not accepted from this sender');
    });
    try {
      const error: unknown = await sendMessage('badgeLabelsGet', {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'TypeError', message: 'badgeLabelsGet is not accepted from this sender' });
    } finally {
      remove();
    }
  });

  it('reject when nobody answers (no background listener for it)', async () => {
    const background = defineExtensionMessaging<PageProtocolMap>();
    const remove = background.onMessage('badgeLabelsGet', async () => labels);
    try {
      await expect(sendMessage('contentAttached', {})).rejects.toThrow('No response');
      await expect(sendMessage('badgeLabelsGet', {})).resolves.toEqual(labels);
    } finally {
      remove();
    }
  });
});

describe("background → page: the real library's sendMessage, the page's listener", () => {
  const payload = { key: 'x:1', sameAs: [], text: 'Thanks!', insertionId: 'i1', handles: [], context: {} };

  it("delivers the payload and brings the page's answer back", async () => {
    const seen: unknown[] = [];
    const remove = messaging.onMessage('insertReply', async ({ data }) => {
      seen.push(data);
      return inserted;
    });
    try {
      await expect(defineExtensionMessaging<PageProtocolMap>().sendMessage('insertReply', payload, TAB)).resolves.toEqual(inserted);
      expect(seen).toEqual([payload]);
    } finally {
      remove();
    }
  });

  it("rejects with the page's error when its listener throws", async () => {
    const remove = messaging.onMessage('insertReply', async () => {
      throw new RangeError('no editor');
    });
    try {
      const error: unknown = await defineExtensionMessaging<PageProtocolMap>().sendMessage('insertReply', payload, TAB).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'RangeError', message: 'no editor' });
    } finally {
      remove();
    }
  });

  it('leaves messages it does not listen for unanswered, and stops listening once removed', async () => {
    const remove = messaging.onMessage('insertReply', async () => inserted);
    expect(pageListeners.size).toBe(1);
    const [listener] = pageListeners;
    expect(listener?.({ id: 1, type: 'postsSeen', data: {}, timestamp: 1 }, {}, () => undefined)).toBeUndefined();
    expect(listener?.({ type: 'insertReply', data: {} }, {}, () => undefined)).toBeUndefined();
    expect(() => messaging.onMessage('insertReply', async () => inserted)).toThrow();
    remove();
    expect(pageListeners.size).toBe(0);
    await expect(defineExtensionMessaging<PageProtocolMap>().sendMessage('insertReply', payload, TAB)).rejects.toThrow('No response');
  });
});
