/**
 * The page parses what it receives: every answer of the background (entrypoints/content/messaging)
 * and the `insertReply` payload, with the page messages' zod/mini schemas.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { sendMessage } from '@/entrypoints/content/messaging';
import { parseMessage } from '@/entrypoints/content/reply';

/** The background's side of the wire (tests/unit/content/messagingWire.test.ts runs the real one). */
const wire = { answer: undefined as unknown, sent: [] as Array<{ name: unknown; data: unknown }> };
beforeEach(() => {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    wire.sent.push({ name: Reflect.get(Object(message), 'type'), data: Reflect.get(Object(message), 'data') });
    return { res: wire.answer };
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const verdict = { key: 'x:1', priority: 60, term: 'acme', state: 'queued' };
const labels = { label: 'P\u0001', addToQueue: 'Add', queued: 'Queued', filtered: 'Filtered', open: 'Open', openHint: 'Hint', reloadNotice: 'Reload', high: 'H', medium: 'M', low: 'L' };

describe('answers the page receives', () => {
  it('are parsed', async () => {
    wire.answer = { verdicts: [verdict, { key: 'x:2' }] };
    const page = { site: 'x', pageKind: 'home', url: 'https://x.com/home' } as const;
    const { verdicts } = await sendMessage('postsSeen', { page, posts: [], recognised: 0, candidates: 0, extractionFailures: 0 });
    expect(verdicts).toEqual([verdict, { key: 'x:2' }]);
    expect(wire.sent.at(-1)?.name).toBe('postsSeen');
  });

  it('keeps only the brand terms matching needs', async () => {
    wire.answer = { revision: 'acme@1', brands: [{ id: 'acme', handles: [' AcmeHelp '], businessHours: { week: [] }, toneRules: {} }] };
    const answer = await sendMessage('matchProfilesGet', {});
    expect(answer.brands).toEqual([{ id: 'acme', handles: ['AcmeHelp'], names: [], products: [], hashtags: [], misspellings: [], exclusions: [], threadMentions: true }]);
  });

  it.each([
    ['postsSeen', { verdicts: [{ ...verdict, key: 'x:<b>' }] }],
    ['postsSeen', { verdicts: [{ ...verdict, priority: 101 }] }],
    ['postsSeen', { verdicts: [{ ...verdict, state: 'add' }] }],
    ['matchProfilesGet', { revision: 'r', brands: [{ id: '' }] }],
    ['badgeLabelsGet', { ...labels, open: undefined }],
    ['brandHandlesGet', { handles: 'acme' }],
    ['openInPanel', { ok: true }],
    ['contentAttached', undefined],
  ] as const)('%s rejects a malformed answer %j', async (name, answer) => {
    wire.answer = answer;
    await expect(sendMessage(name, {} as never)).rejects.toThrow();
  });

  it('accepts the well-formed ones of those', async () => {
    wire.answer = labels;
    await expect(sendMessage('badgeLabelsGet', {})).resolves.toEqual(labels);
    wire.answer = { ok: true, opened: false };
    await expect(sendMessage('openInPanel', { key: 'x:1' })).resolves.toEqual({ ok: true, opened: false });
  });
});

describe('insertReply, as the page parses it', () => {
  const payload = { key: 'x:1', text: 'Thanks!', insertionId: 'i1' };

  it('fills defaults', () => {
    expect(parseMessage('insertReply', payload)).toEqual({ ...payload, sameAs: [], handles: [], context: {} });
  });

  it.each([
    ['no text', { ...payload, text: '' }],
    ['bad key', { ...payload, key: 'myspace:1' }],
    ['bad alias', { ...payload, sameAs: ['x:'] }],
    ['no insertion id', { key: 'x:1', text: 'hi' }],
  ])('%s is rejected', (_label, data) => {
    expect(() => parseMessage('insertReply', data)).toThrow();
  });
});
