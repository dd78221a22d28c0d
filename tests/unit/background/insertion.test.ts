/**
 * `replyInsert` tries the site tabs in order (lib/background/replyHandlers.ts). Content scripts do
 * not carry the editor: a document nothing answers in gets its site's editor script injected once,
 * then the `insertReply` again. A tab that cannot be scripted is skipped like one without the post.
 */
import { describe, expect, it } from 'vitest';
import { insertInTabs, type InsertionApi } from '@/lib/background/replyHandlers';
import type { InsertResult } from '@/lib/schemas/replies';

const inserted: InsertResult = { ok: true, strategy: 'paste', verified: true, postEnabled: true };
const noPost: InsertResult = { ok: false, strategy: 'none', verified: false, postEnabled: null, reason: 'noPost' };
const X_TAB = { id: 1, url: 'https://x.com/acme/status/1', active: true };
const FB_TAB = { id: 2, url: 'https://www.facebook.com/acme' };

type Answer = InsertResult | 'gone';

/** Like the browser: a message to a document without the editor script finds no receiver. */
function fakeTabs(answers: Record<number, Answer>, options: { injectFails?: readonly number[]; hasEditor?: readonly number[] } = {}) {
  const calls: string[] = [];
  const withEditor = new Set(options.hasEditor);
  const api: InsertionApi = {
    inject: async (tabId, file) => {
      calls.push(`inject ${tabId} ${file}`);
      if (options.injectFails?.includes(tabId)) throw new Error('Cannot access contents of the page');
      withEditor.add(tabId);
    },
    send: async (tabId) => {
      calls.push(`send ${tabId}`);
      const answer = answers[tabId];
      if (!withEditor.has(tabId) || answer === undefined || answer === 'gone') throw new Error('Receiving end does not exist.');
      return answer;
    },
  };
  return { api, calls };
}

describe('insertInTabs', () => {
  it("injects the tab site's editor script where nothing answers, then asks again", async () => {
    const { api, calls } = fakeTabs({ 1: noPost, 2: inserted });
    await expect(insertInTabs(api, [FB_TAB, X_TAB], undefined)).resolves.toEqual(inserted);
    expect(calls).toEqual(['send 1', 'inject 1 x-editor.js', 'send 1', 'send 2', 'inject 2 facebook-editor.js', 'send 2']);
  });

  it('injects once per document: a second insertion finds the editor there', async () => {
    const { api, calls } = fakeTabs({ 1: inserted });
    await insertInTabs(api, [X_TAB], undefined);
    calls.length = 0;
    await expect(insertInTabs(api, [X_TAB], undefined)).resolves.toEqual(inserted);
    expect(calls).toEqual(['send 1']);
  });

  it.each<[string, Record<number, Answer>, { injectFails?: number[]; hasEditor?: number[] }, InsertResult['reason'], string[]]>([
    ['an injection that fails skips the tab and is reported like no tab', { 1: inserted }, { injectFails: [1, 2] }, 'noTab', ['send 1', 'inject 1 x-editor.js', 'send 2', 'inject 2 facebook-editor.js']],
    ['a failed injection in one tab still tries the next', { 2: noPost }, { injectFails: [1], hasEditor: [2] }, 'noPost', ['send 1', 'inject 1 x-editor.js', 'send 2']],
    ['a tab that goes away after the injection is skipped', { 1: 'gone', 2: noPost }, { hasEditor: [2] }, 'noPost', ['send 1', 'inject 1 x-editor.js', 'send 1', 'send 2']],
  ])('%s', async (_name, answers, options, reason, expectedCalls) => {
    const { api, calls } = fakeTabs(answers, options);
    const result = await insertInTabs(api, [X_TAB, FB_TAB], undefined);
    expect(result.reason).toBe(reason);
    expect(calls).toEqual(expectedCalls);
  });

  it('never scripts a tab no site claims', async () => {
    const { api, calls } = fakeTabs({});
    await expect(insertInTabs(api, [{ id: 3, url: 'https://example.com/' }, { id: 4 }], undefined)).resolves.toMatchObject({ reason: 'noTab' });
    expect(calls).toEqual([]);
  });
});
