/**
 * After an extension update the background runs the content script again in every open X/Facebook
 * tab, and lists the tabs where that failed so the panel can ask for a reload.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { contentScriptFor, forgetReloadTab, reattachOpenTabs, type OpenTab, type ReattachApi } from '@/lib/background/reattach';
import { RELOAD_TABS_KEY, parseReloadTabs } from '@/lib/pipeline/reloadTabs';
import { SITE_MATCH_PATTERNS } from '@/lib/sites/registry';

/** A browser whose tabs and injections the test decides; the list lives in fakeBrowser's storage. */
function stubApi(tabs: OpenTab[], refuse: ReadonlySet<number> = new Set(), canInject = true) {
  const injected: Array<[number, string]> = [];
  const queried: string[][] = [];
  const api: ReattachApi = {
    queryTabs: async (patterns) => {
      queried.push([...patterns]);
      return tabs;
    },
    inject: canInject
      ? async (tabId, file) => {
          if (refuse.has(tabId)) throw new Error('Cannot access contents of the page');
          injected.push([tabId, file]);
        }
      : undefined,
    getStored: async () => (await fakeBrowser.storage.local.get(RELOAD_TABS_KEY))[RELOAD_TABS_KEY],
    setStored: async (list) => {
      await fakeBrowser.storage.local.set({ [RELOAD_TABS_KEY]: list });
    },
  };
  return { api, injected, queried };
}
const stored = async () => parseReloadTabs((await fakeBrowser.storage.local.get(RELOAD_TABS_KEY))[RELOAD_TABS_KEY]);

describe('reattachOpenTabs', () => {
  afterEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  const tabs: OpenTab[] = [
    { id: 1, url: 'https://x.com/home', title: 'Home / X' },
    { id: 2, url: 'https://www.facebook.com/acme', title: 'Acme | Facebook' },
    { id: 3, url: 'https://x.com/search?q=acme', title: 'acme - Search', discarded: true },
    { url: 'https://x.com/no-id' },
  ];

  it("runs each open site tab's own built content script, found by URL pattern (no `tabs` permission needed)", async () => {
    const { api, injected, queried } = stubApi(tabs);
    expect(await reattachOpenTabs(api, SITE_MATCH_PATTERNS)).toEqual([]);
    expect(queried).toEqual([[...SITE_MATCH_PATTERNS]]);
    // A discarded tab loads the new script itself when opened; a tab without id cannot be reached.
    expect(injected.sort()).toEqual([[1, 'content-scripts/x.js'], [2, 'content-scripts/facebook.js']]);
    expect(await stored()).toEqual([]);
  });

  it.each<[string | undefined, string | undefined]>([
    ['https://x.com/home', 'content-scripts/x.js'],
    ['https://twitter.com/acme/status/1', 'content-scripts/x.js'],
    ['https://www.facebook.com/acme', 'content-scripts/facebook.js'],
    ['https://m.facebook.com/story.php', 'content-scripts/facebook.js'],
    ['https://example.com/', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('the script for %s is %s', (url, file) => {
    expect(contentScriptFor(url)).toBe(file);
  });

  it('a tab whose URL no site claims is listed for a reload, not given another site\'s script', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { api, injected } = stubApi([{ id: 7, url: 'https://example.com/', title: 'Elsewhere' }]);
    expect((await reattachOpenTabs(api, SITE_MATCH_PATTERNS)).map((t) => t.tabId)).toEqual([7]);
    expect(injected).toEqual([]);
  });

  it.each<[string, ReadonlySet<number>, boolean, number[]]>([
    ['one tab refuses', new Set([2]), true, [2]],
    ['every tab refuses', new Set([1, 2]), true, [1, 2]],
    ['the browser has no scripting API', new Set(), false, [1, 2]],
  ])('lists the tabs that need a reload when %s', async (_label, refuse, canInject, expected) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { api } = stubApi(tabs, refuse, canInject);
    const failed = await reattachOpenTabs(api, SITE_MATCH_PATTERNS);
    expect(failed.map((t) => t.tabId)).toEqual(expected);
    expect(await stored()).toEqual(failed);
    expect(failed.find((t) => t.tabId === 2)?.title ?? 'Acme | Facebook').toBe('Acme | Facebook');
  });

  it('forgets a tab once a fresh script runs in it or it is closed, and keeps the others', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { api } = stubApi(tabs, new Set([1, 2]));
    await reattachOpenTabs(api, SITE_MATCH_PATTERNS);
    await forgetReloadTab(api, 1);
    expect((await stored()).map((t) => t.tabId)).toEqual([2]);
    await forgetReloadTab(api, 99);
    expect((await stored()).map((t) => t.tabId)).toEqual([2]);
    await forgetReloadTab(api, 2);
    expect(await stored()).toEqual([]);
  });

  it('a later update that reaches every tab clears the list of an earlier one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await reattachOpenTabs(stubApi(tabs, new Set([1])).api, SITE_MATCH_PATTERNS);
    expect(await stored()).toHaveLength(1);
    await reattachOpenTabs(stubApi(tabs).api, SITE_MATCH_PATTERNS);
    expect(await stored()).toEqual([]);
  });
});
