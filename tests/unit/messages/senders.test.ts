/**
 * Least privilege: a content script (it runs beside a hostile page) may send only what the in-page
 * features need; every other message is refused from it, whatever its payload.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SENDERS, allowedSenders, assertSender, handle, messageSchemas, senderKind, type MessageName } from '@/lib/messages';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const contentScript = { tab: { id: 7 }, url: 'https://x.com/home' };
const sidePanel = { url: `${ORIGIN}sidepanel.html` };
const reviewTab = { tab: { id: 9 }, url: `${ORIGIN}review.html` };

const names = Object.keys(messageSchemas).filter((n): n is MessageName => n in messageSchemas);
const panelOnly = names.filter((n) => !allowedSenders(n).includes('content'));
const fromPages = names.filter((n) => allowedSenders(n).includes('content'));

describe('who may send what', () => {
  it.each([
    ['content script', contentScript, 'content'],
    ['side panel', sidePanel, 'extension'],
    ['review page in a tab', reviewTab, 'extension'],
    ['no url', { tab: { id: 1 } }, undefined],
    ['no tab, foreign url', { url: 'https://evil.example/' }, undefined],
  ] as const)('%s → %s', (_label, sender, kind) => {
    expect(senderKind(sender, ORIGIN)).toBe(kind);
  });

  it('panel-only is the default, and in-page features keep exactly what they send', () => {
    expect(DEFAULT_SENDERS).toEqual(['extension']);
    expect([...fromPages].sort()).toEqual(
      ['badgeLabelsGet', 'brandHandlesGet', 'brandRepliesSeen', 'contentAttached', 'matchProfilesGet', 'openInPanel', 'postsSeen', 'profileStatsSeen', 'queueAdd', 'replySent'],
    );
  });

  it.each(panelOnly)('a content script is refused %s', (name) => {
    expect(() => assertSender(name, contentScript, ORIGIN)).toThrow(/not accepted/);
    expect(() => assertSender(name, sidePanel, ORIGIN)).not.toThrow();
    expect(() => assertSender(name, reviewTab, ORIGIN)).not.toThrow();
  });

  it.each(fromPages)('a content script may send %s', (name) => {
    expect(() => assertSender(name, contentScript, ORIGIN)).not.toThrow();
  });
});

describe('handle() checks the sender before anything runs', () => {
  afterEach(() => fakeBrowser.reset());

  it.each(['brandDelete', 'customerDelete', 'templateDelete', 'settingsSave'] as const)('%s from a content script never reaches its handler', async (name) => {
    const calls: unknown[] = [];
    const stop = handle(name, async (data) => {
      calls.push(data);
      return { ok: true } as never;
    });
    const origin = fakeBrowser.runtime.getURL('/');
    const message = { id: 1, type: name, data: name === 'settingsSave' ? {} : { id: 'x1' }, timestamp: 1 };
    // The answer comes through sendResponse, as in Chrome.
    const onMessage = fakeBrowser.runtime.onMessage;
    const send = (sender: object) => new Promise<unknown>((resolve) => void Reflect.apply(onMessage.trigger, onMessage, [message, sender, resolve]));
    try {
      expect(await send(contentScript)).toMatchObject({ err: { message: expect.stringMatching(/not accepted/) } });
      expect(calls).toEqual([]);
      expect(await send({ url: `${origin}sidepanel.html` })).toEqual({ res: { ok: true } });
      expect(calls).toHaveLength(1);
    } finally {
      stop();
    }
  });
});
